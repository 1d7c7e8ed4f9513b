using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Licenses;
using CodeEnv.Packages;
using CodeEnv.Python;
using CodeEnv.Requirements;
using CodeEnv.Resolution;
using CodeEnv.Store;
using CodeEnv.Wheels;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Where the greedy resolver hands over, pip stays the resolver of record and the store still installs: pip resolves
    /// the lines in the new venv without installing anything (<c>pip install --dry-run --report</c>, run
    /// as any pip of the env is, sandboxed on a served root), and each file of the set it chose is fetched into the store
    /// and checked against the sha256 pip reports, each sdist built into a wheel once per kind of interpreter
    /// (<see cref="SdistBuilds"/>), and the stored trees linked by the native installer. Only a set that holds what the
    /// store cannot install (an editable, a folder, a VCS checkout, a file with no sha256, the venv's own tooling) is
    /// refused, with its reason, and pip installs it as before. The lock records what pip's report names, as a pip install's does.
    /// </summary>
    internal sealed class PipChosenInstall
    {
        private readonly EngineContext context;
        private readonly IOperationReporter reporter;
        private readonly PackageStore store;
        private readonly VenvBuilder pip;

        public PipChosenInstall(EngineContext context, IOperationReporter reporter, PackageStore store, VenvBuilder pip)
        {
            this.context = context;
            this.reporter = reporter;
            this.store = store;
            this.pip = pip;
        }

        /// <summary>
        /// Installs the set pip chooses for <paramref name="request"/>'s lines from the store and gives each distribution's
        /// artifact by normalized name; or a refusal (why pip must install this set itself), having installed nothing.
        /// </summary>
        /// <param name="handedOver">Why the greedy resolver handed over, for the log and Verbose.</param>
        public async Task<(IReadOnlyDictionary<string, LockedArtifact>? Artifacts, string? Refusal)> TryAsync(StoreInstallRequest request, string handedOver, OperationLog log, CancellationToken cancellation)
        {
            if (!PipInstallReport.Supported(request.Venv))
            {
                return (null, handedOver + "; the venv's pip is older than " + PipInstallReport.FirstPipWithReport + " and writes no report of its choice");
            }

            var python = VenvLayout.Python(request.Venv);
            var (requirements, constraints) = PipInputFiles.Write(log, request.Lines, request.Constraints);
            // Written inside the generation (the one folder a sandboxed pip may write), then kept beside the log.
            var written = Path.Combine(request.Venv, "codeenv-pip-resolution.json");
            await pip.ResolveAsync(python, requirements, constraints, context.Paths, request.Sources, log, cancellation, written).ConfigureAwait(false);
            var report = Path.ChangeExtension(log.Path, ".resolution.json");
            File.Copy(written, report, overwrite: true);
            File.Delete(written);
            var items = PipInstallReport.ReadItems(report);
            // pip ranks every index's versions together and knows no pin: its report is where the root's rules can still say no.
            await RootRulesCheck.RequireAllowedAsync(context.Paths, request.Sources, request.DeniedPackages, items, StoreInstall.Refused(log), cancellation).ConfigureAwait(false);

            // The root's allow list, before anything is fetched, on what pip's report says of each license; where the
            // report cannot say (metadata 2.4 through a pip that leaves License-Expression out), on the stored METADATA
            // before anything is linked. Also when pip then installs the set itself.
            var allowed = new AllowedLicenses(context.Settings().AllowedLicenses);
            allowed.Require(request.Name, items.Where(i => i.License != null && !IsTooling(i)).Select(i => (i.Name, i.Version, i.License!)));
            var refusal = items.Select(Unstorable).FirstOrDefault(r => r != null);
            if (refusal != null)
            {
                return (null, $"{handedOver}; pip chose a set the store cannot install: {refusal}");
            }

            var artifacts = PipInstallReport.ArtifactsOf(items);
            var mismatch = request.Expected == null ? null : ArtifactCheck.FirstMismatch(request.Expected, artifacts);
            if (mismatch != null)
            {
                log.Line("> " + mismatch.Message);
                throw mismatch;
            }

            var said = $"pip chose the set ({handedOver}), the store installs it.";
            reporter.Verbose(said);
            log.Line(said);
            var wheels = new List<WheelInstallRequest>();
            var built = 0;
            string? tag = null;
            using (var fetcher = new HttpUrlFetcher(CandidateSources.ForRoot(context.Paths, request.Sources).Urls))
            {
                try
                {
                    foreach (var item in items)
                    {
                        reporter.Progress(request.Activity, "Processing " + item.FileName, 60);
                        StoredWheel wheel;
                        if (item.IsWheel)
                        {
                            wheel = store.Find(item.Sha256!) ?? await FetchWheelAsync(item, fetcher, cancellation).ConfigureAwait(false);
                        }
                        else
                        {
                            tag = tag ?? await InterpreterTagAsync(request, python, cancellation).ConfigureAwait(false);
                            var (stored, builtNow) = await StoredBuildAsync(item, tag, request, fetcher, log, cancellation).ConfigureAwait(false);
                            wheel = stored;
                            built += builtNow ? 1 : 0;
                            if (!builtNow)
                            {
                                log.Line($"Using {wheel.FileName}, built before from {item.FileName} (sha256 {item.Sha256}) for {tag}: nothing to build.");
                            }
                        }

                        if (!string.Equals(PackageName.Normalize(wheel.Name), PackageName.Normalize(item.Name), StringComparison.Ordinal))
                        {
                            return (null, $"{handedOver}; the wheel {wheel.FileName} the store holds for {item.FileName} is not of {item.Name}");
                        }

                        wheels.Add(new WheelInstallRequest(store.Tree(wheel.Sha256), item.Requested, item.IsDirect ? DirectUrl.ForArchive(item.Url, item.Sha256!) : null));
                    }
                }
                catch (CodeEnvException refused) when (WheelRefusal.IsRefusal(refused))
                {
                    // The store keeps only wheels that are exactly what they say; pip installs others, as it always did.
                    return (null, refused.Message);
                }
            }

            allowed.Require(request.Name, items.Zip(wheels, (item, wheel) => (item, wheel)).Where(p => p.item.License == null && !IsTooling(p.item)).Select(p => (p.item.Name, p.item.Version, DistributionLicense.FromMetadataFile(Path.Combine(p.wheel.Tree.Folder, p.wheel.Tree.DistInfo, "METADATA")))));
            var installed = await new WheelInstaller(store, context.Processes).InstallAsync(request.Venv, wheels, context.Settings().LinkMode, cancellation).ConfigureAwait(false);
            log.Line($"Installed {installed.Count} packages from the package store as pip chose them ({built} sdist(s) built; {installed.Sum(w => w.Linked)} files linked, {installed.Sum(w => w.Copied)} copied, {installed.Sum(w => w.Written)} written).");
            log.Line("Successfully installed " + string.Join(" ", installed.Select(w => w.Name + "-" + w.Version)));
            return (artifacts, null);
        }

        // The venv's own tooling comes with every venv: no rule of the root refuses it.
        private static bool IsTooling(PipReportItem item) => InstalledSetCheck.VenvTooling.Contains(PackageName.Normalize(item.Name));

        /// <summary>Why the store cannot install <paramref name="item"/> as pip would, or null when it can.</summary>
        private static string? Unstorable(PipReportItem item)
        {
            if (InstalledSetCheck.VenvTooling.Contains(PackageName.Normalize(item.Name)))
            {
                return $"it holds the venv's own tooling ({item.Name}), which pip replaces in place";
            }

            if (item.IsEditable)
            {
                return $"{item.Name} {item.Version} is an editable install ({SourceSecrets.Redact(item.Url)})";
            }

            if (!item.IsArchive)
            {
                return $"{item.Name} {item.Version} comes from a folder or a VCS checkout ({SourceSecrets.Redact(item.Url)}), not a file";
            }

            if (item.Sha256 == null || !RecordHash.IsSha256Hex(item.Sha256))
            {
                return $"pip reports no sha256 for {item.Name} {item.Version}'s file {SourceSecrets.Redact(item.Url)}, so the store cannot verify it";
            }

            var scheme = Uri.TryCreate(item.Url, UriKind.Absolute, out var url) ? url.Scheme : "";
            if (scheme != Uri.UriSchemeFile && scheme != Uri.UriSchemeHttp && scheme != Uri.UriSchemeHttps)
            {
                return $"{item.Name} {item.Version} comes from '{SourceSecrets.Redact(item.Url)}', which the store does not fetch";
            }

            return item.IsWheel || IsSdist(item.FileName) ? null : $"{item.Name} {item.Version}'s file {item.FileName} is neither a wheel nor an sdist";
        }

        private static bool IsSdist(string fileName) =>
            fileName.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

        /// <summary>The wheel pip chose, from its path or streamed from its URL into the store, checked against the sha256 pip reported.</summary>
        // The report names a source as the root knows it (credentials masked): the fetcher sends the source's own.
        private async Task<StoredWheel> FetchWheelAsync(PipReportItem item, HttpUrlFetcher fetcher, CancellationToken cancellation) =>
            await WheelDownload.IntoStoreAsync(fetcher, store, SourceSecrets.WithoutCredentials(item.Url), item.FileName, item.Sha256, $"{item.Name} {item.Version}", cancellation).ConfigureAwait(false)
            ?? throw NotThere(item);

        /// <summary>
        /// Builds the sdist at <paramref name="url"/> (its sha256 checked) into a stored wheel for <paramref name="tag"/>,
        /// unless the store has one: what the resolver needs to read an sdist's dependencies without pip's dry run.
        /// </summary>
        internal async Task<StoredWheel> BuildSdistAsync(string name, string version, string url, string sha256, string tag, StoreInstallRequest request, HttpUrlFetcher fetcher, OperationLog log, CancellationToken cancellation) =>
            (await StoredBuildAsync(new PipReportItem(name, version, url, sha256, requested: false, isDirect: false, isArchive: true, isEditable: false), tag, request, fetcher, log, cancellation).ConfigureAwait(false)).Wheel;

        /// <summary>The stored wheel built from <paramref name="sdist"/> for <paramref name="tag"/>, built now unless the store has it, and whether it was.</summary>
        private async Task<(StoredWheel Wheel, bool BuiltNow)> StoredBuildAsync(PipReportItem sdist, string tag, StoreInstallRequest request, HttpUrlFetcher fetcher, OperationLog log, CancellationToken cancellation)
        {
            var before = new SdistBuilds(store).Find(sdist.Sha256!, tag);
            return before != null
                ? (before, false)
                : (await BuildAsync(sdist, tag, request, VenvLayout.Python(request.Venv), fetcher, log, cancellation).ConfigureAwait(false), true);
        }

        /// <summary>
        /// Builds the sdist of <paramref name="item"/> into a wheel with pip (in the new venv, so sandboxed as its install
        /// would be), adds the wheel to the store and remembers it under the sdist's sha256 for <paramref name="tag"/>.
        /// </summary>
        private async Task<StoredWheel> BuildAsync(PipReportItem item, string tag, StoreInstallRequest request, string python, HttpUrlFetcher fetcher, OperationLog log, CancellationToken cancellation)
        {
            // Both inside the generation, the one folder a sandboxed pip reads and writes of the env's; the wheel folder pip makes itself.
            var id = Guid.NewGuid().ToString("N");
            var sdistFolder = Path.Combine(request.Venv, "codeenv-sdist-" + id);
            var wheelFolder = Path.Combine(request.Venv, "codeenv-wheel-" + id);
            try
            {
                Directory.CreateDirectory(sdistFolder);
                var sdist = Path.Combine(sdistFolder, item.FileName);
                await FetchToFileAsync(item, sdist, fetcher, cancellation).ConfigureAwait(false);
                log.Line($"> building {item.FileName} (sha256 {item.Sha256}) once into the package store, for {tag}");
                await pip.BuildWheelAsync(python, sdist, wheelFolder, context.Paths, request.Sources, log, cancellation).ConfigureAwait(false);
                var files = Directory.Exists(wheelFolder) ? Directory.GetFiles(wheelFolder, "*.whl") : new string[0];
                if (files.Length != 1)
                {
                    throw new CodeEnvException(
                        ErrorIds.PythonCommandFailed,
                        $"pip wheel built {files.Length} wheels from {item.FileName}, not one. Nothing was installed; the full output is in '{log.Path}'.",
                        item.Name);
                }

                var wheel = store.Add(files[0]);
                new SdistBuilds(store).Remember(item.Sha256!, item.FileName, tag, wheel);
                log.Line($"Built {wheel.FileName} (sha256 {wheel.Sha256}) from {item.FileName}; the next env that needs it links it without a build.");
                return wheel;
            }
            finally
            {
                foreach (var folder in new[] { sdistFolder, wheelFolder }.Where(Directory.Exists))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        /// <summary>Puts <paramref name="item"/>'s file at <paramref name="path"/>, from its path or streamed from its URL, checked against the sha256 pip reported.</summary>
        private static async Task FetchToFileAsync(PipReportItem item, string path, HttpUrlFetcher fetcher, CancellationToken cancellation)
        {
            var url = new Uri(item.Url);
            if (url.IsFile)
            {
                File.Copy(url.LocalPath, path);
            }
            else if (!await fetcher.DownloadAsync(new Uri(SourceSecrets.WithoutCredentials(item.Url)), body => { using (var file = File.Create(path)) { body.CopyTo(file); } }, cancellation).ConfigureAwait(false))
            {
                throw NotThere(item);
            }

            CheckSha256(item, Sha256Hex.OfFile(path));
        }

        private static void CheckSha256(PipReportItem item, string sha256)
        {
            if (!string.Equals(sha256, item.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new CodeEnvException(
                    ErrorIds.ArtifactHashMismatch,
                    $"{item.Name} {item.Version}: pip reports '{item.FileName}' with the sha256 {item.Sha256}, but the file fetched from '{SourceSecrets.Redact(item.Url)}' has sha256 {sha256}. Nothing was installed. The source serves a file other than the one pip saw: find out why before trusting it.",
                    item.Name);
            }
        }

        private static CodeEnvException NotThere(PipReportItem item) => new CodeEnvException(
            ErrorIds.PythonCommandFailed,
            $"{item.Name} {item.Version}: pip chose '{SourceSecrets.Redact(item.Url)}', which is not there (404). Run the update again; if it persists, the source is inconsistent.",
            item.Name);

        /// <summary>The kind of interpreter a build is for: the venv's most preferred wheel tag.</summary>
        private async Task<string> InterpreterTagAsync(StoreInstallRequest request, string python, CancellationToken cancellation)
        {
            var environment = await ResolverEnvironment.ForVenvAsync(context.Processes, python, request.Markers, cancellation).ConfigureAwait(false);
            return environment.Tags.MostPreferred ?? throw new CodeEnvException(
                ErrorIds.PythonCommandFailed,
                $"The interpreter of '{request.Venv}' names no wheel tag it supports, so no sdist can be built for it.",
                request.Venv);
        }
    }
}
