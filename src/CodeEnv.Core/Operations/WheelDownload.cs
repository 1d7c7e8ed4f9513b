using System;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Resolution;
using CodeEnv.Store;
using CodeEnv.Wheels;

namespace CodeEnv.Operations
{
    /// <summary>
    /// A wheel fetched into the package store and checked against the sha256 its source gave: from an index as it arrives: the body is hashed and written to the store's
    /// staging folder as it is read, so a wheel of gigabytes (torch) costs a buffer of memory, not its size; and a file
    /// whose sha256 is not the one its source gave is refused, whatever its size.
    /// </summary>
    internal static class WheelDownload
    {
        /// <summary>
        /// The stored wheel at <paramref name="location"/>, streamed from it when it is a URL, added from it when it is a
        /// path or a file: URL; or null when the source says it is not there (404).
        /// </summary>
        /// <param name="expectedSha256">The sha256 the source gave for the file; null when it gave none.</param>
        /// <exception cref="CodeEnvException">ArtifactHashMismatch: the bytes are not those the source described.</exception>
        public static async Task<StoredWheel?> IntoStoreAsync(HttpUrlFetcher fetcher, PackageStore store, string location, string fileName, string? expectedSha256, string project, CancellationToken cancellation)
        {
            StoredWheel? stored = null;
            if (Uri.TryCreate(location, UriKind.Absolute, out var url) && !url.IsFile)
            {
                if (!await fetcher.DownloadAsync(url, body => stored = store.Add(body, fileName), cancellation).ConfigureAwait(false))
                {
                    return null;
                }
            }
            else
            {
                stored = store.Add(url != null ? url.LocalPath : location);
            }

            if (expectedSha256 != null && !string.Equals(expectedSha256, stored!.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new CodeEnvException(
                    ErrorIds.ArtifactHashMismatch,
                    $"{project}: its source gives '{fileName}' the sha256 {expectedSha256}, but the file fetched from '{SourceSecrets.Redact(location)}' has sha256 {stored.Sha256}. Nothing was installed. The source serves a file other than the one it describes: find out why before trusting it.",
                    project);
            }

            return stored;
        }
    }
}
