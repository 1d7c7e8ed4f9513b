using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Requirements;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// A candidate wheel's core metadata, from the first place that has it: the store (a callback it serves, for a file it
    /// already holds), the wheel itself when it is on this machine, or the metadata file its index serves beside it
    /// (PEP 658, checked against its sha256 when the page gave one). Anything else would mean downloading the wheel or
    /// building an sdist: the resolver then hands the decision to pip.
    /// </summary>
    public sealed class CandidateMetadataReader
    {
        private const long MaxMetadataBytes = 16 * 1024 * 1024;

        private readonly IUrlFetcher fetcher;
        private readonly Func<CandidateFile, CancellationToken, Task<string?>>? fromStore;

        /// <param name="fromStore">The store's METADATA text of a file it holds (by its sha256 or name; an sdist's from the wheel built from it), or null when it holds none.</param>
        public CandidateMetadataReader(IUrlFetcher fetcher, Func<CandidateFile, CancellationToken, Task<string?>>? fromStore = null)
        {
            this.fetcher = fetcher;
            this.fromStore = fromStore;
        }

        /// <exception cref="PipMustDecideException">The metadata cannot be had without pip, or does not match the file.</exception>
        public async Task<CoreMetadata> ReadAsync(CandidateFile file, CancellationToken cancellation)
        {
            // The store holds a wheel's METADATA, or that of the wheel an sdist was built into for this interpreter.
            var text = fromStore == null ? null : await fromStore(file, cancellation).ConfigureAwait(false);
            if (!file.IsWheel && text == null)
            {
                throw new PipMustDecideException($"{file.Project} {file.Version} would come from an sdist ({file.FileName}): pip builds it to learn its dependencies", file);
            }

            if (text == null && file.LocalPath != null)
            {
                text = FromWheel(file);
            }

            if (text == null && file.HasCoreMetadata)
            {
                text = await FromIndexAsync(file, cancellation).ConfigureAwait(false);
            }

            if (text == null)
            {
                throw new PipMustDecideException($"the metadata of {file.FileName} is not available without downloading it: pip decides");
            }

            var metadata = CoreMetadata.Parse(text);
            var consistent = metadata.Name != null && PackageName.Normalize(metadata.Name) == file.Project
                && PackageVersion.TryParse(metadata.Version, out var version) && version!.Equals(file.Version);
            if (!consistent)
            {
                throw new PipMustDecideException($"{file.FileName} declares {metadata.Name} {metadata.Version} in its metadata, not {file.Project} {file.Version}: pip decides");
            }

            return metadata;
        }

        // pip's wheel_dist_info_dir: exactly one top-level *.dist-info folder, named for the project.
        private static string FromWheel(CandidateFile file)
        {
            try
            {
                using (var zip = ZipFile.OpenRead(file.LocalPath!))
                {
                    var infoFolders = zip.Entries.Select(e => e.FullName.Split('/')[0]).Where(f => f.EndsWith(".dist-info", StringComparison.Ordinal)).Distinct().ToList();
                    if (infoFolders.Count != 1 || !PackageName.Normalize(infoFolders[0]).StartsWith(file.Project, StringComparison.Ordinal))
                    {
                        throw new PipMustDecideException($"{file.FileName} holds {infoFolders.Count} .dist-info folders, not one named for {file.Project}: pip decides (and refuses it)");
                    }

                    var entry = zip.GetEntry(infoFolders[0] + "/METADATA");
                    if (entry == null || entry.Length > MaxMetadataBytes)
                    {
                        throw new PipMustDecideException($"{file.FileName} has no readable {infoFolders[0]}/METADATA: pip decides");
                    }

                    using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
                    {
                        return reader.ReadToEnd();
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
            {
                throw new PipMustDecideException($"{file.FileName} cannot be read as a wheel ({e.Message}): pip decides");
            }
        }

        private async Task<string?> FromIndexAsync(CandidateFile file, CancellationToken cancellation)
        {
            var fetched = await fetcher.GetAsync(new Uri(file.Url + ".metadata"), "*/*", cancellation).ConfigureAwait(false);
            if (fetched == null)
            {
                return null;
            }

            if (file.CoreMetadataSha256 != null && Sha256Hex.Of(fetched.Body) != file.CoreMetadataSha256)
            {
                throw new PipMustDecideException($"the metadata file of {file.FileName} does not have the sha256 its index gives: pip decides");
            }

            return Encoding.UTF8.GetString(fetched.Body);
        }
    }
}
