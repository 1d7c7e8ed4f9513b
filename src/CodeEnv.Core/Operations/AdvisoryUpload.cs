using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Import-CodeEnvAdvisoryDatabase's side of <see cref="IAdvisoryService"/>'s upload, the same on either kind of root:
    /// the caller's process reads the zip and sends its bytes in chunks (<see cref="ArchiveUpload.ChunkBytes"/>), so the
    /// service never opens a path of the caller's.
    /// </summary>
    public static class AdvisoryUpload
    {
        public static async Task<AdvisoryDatabaseInfo> ImportAsync(IAdvisoryService advisories, string zip, IProgress<OperationReport>? progress, CancellationToken cancellation)
        {
            if (!File.Exists(zip))
            {
                throw new Errors.CodeEnvException(Errors.ErrorIds.AdvisoryExportNotFound, $"There is no file '{zip}'. Give the path of OSV's export zip for PyPI (all.zip from https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip).", zip);
            }

            using var file = new FileStream(zip, FileMode.Open, FileAccess.Read, FileShare.Read);
            var length = file.Length;
            var upload = await advisories.BeginImportAsync(length, cancellation).ConfigureAwait(false);
            await ArchiveUpload.SendInChunksAsync(file, length, chunk => advisories.ImportChunkAsync(upload, chunk, cancellation), cancellation).ConfigureAwait(false);

            return await advisories.EndImportAsync(upload, progress, cancellation).ConfigureAwait(false);
        }
    }
}
