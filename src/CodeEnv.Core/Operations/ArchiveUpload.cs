using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Packages;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Publish-CodeEnvPackage's side of <see cref="IPackageService"/>'s upload, the same on either kind of root: the
    /// caller's process reads the archive and sends it as its file name and bytes, in chunks well under the smallest
    /// message the service may be set to accept (1 MiB, and base64 in JSON makes bytes a third larger).
    /// </summary>
    public static class ArchiveUpload
    {
        public const int ChunkBytes = 256 * 1024;

        public static async Task<PublishedPackage> PublishAsync(IPackageService packages, string archive, bool force, CancellationToken cancellation)
        {
            Wheelhouse.RequireArchiveFile(archive);
            using var file = new FileStream(archive, FileMode.Open, FileAccess.Read, FileShare.Read);
            var length = file.Length;
            var upload = await packages.BeginPublishAsync(Path.GetFileName(archive), length, force, cancellation).ConfigureAwait(false);
            await SendInChunksAsync(file, length, chunk => packages.PublishChunkAsync(upload, chunk, cancellation), cancellation).ConfigureAwait(false);
            return await packages.EndPublishAsync(upload, cancellation).ConfigureAwait(false);
        }

        /// <summary>Sends the first <paramref name="length"/> bytes of <paramref name="file"/> in chunks of <see cref="ChunkBytes"/>.</summary>
        internal static async Task SendInChunksAsync(Stream file, long length, Func<byte[], Task> send, CancellationToken cancellation)
        {
            var buffer = new byte[ChunkBytes];
            for (long sent = 0; sent < length;)
            {
                var read = await file.ReadAsync(buffer, 0, (int)Math.Min(buffer.Length, length - sent), cancellation).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                var chunk = new byte[read];
                Array.Copy(buffer, chunk, read);
                await send(chunk).ConfigureAwait(false);
                sent += read;
            }
        }
    }
}
