using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Publish-CodeEnvResource's side of the upload, the same on either kind of root: the caller's process reads its file
    /// and sends its bytes in chunks (<see cref="ArchiveUpload.ChunkBytes"/>), so the engine never opens a path of the caller's.
    /// </summary>
    public static class ResourceUpload
    {
        public static async Task<EnvironmentResource> PublishAsync(ILifecycleService lifecycle, string name, string file, string resourcePath, CancellationToken cancellation)
        {
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                var length = stream.Length;
                var upload = await lifecycle.BeginResourceAsync(name, resourcePath, length, cancellation).ConfigureAwait(false);
                await ArchiveUpload.SendInChunksAsync(stream, length, chunk => lifecycle.ResourceChunkAsync(name, upload, chunk, cancellation), cancellation).ConfigureAwait(false);
                return await lifecycle.EndResourceAsync(name, resourcePath, upload, cancellation).ConfigureAwait(false);
            }
        }
    }
}
