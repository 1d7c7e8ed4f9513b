using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Advisories;
using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Advisories for a whole root: the offline database administrators import (<see cref="AdvisoryDatabase"/>), audits
    /// of envs against it or OSV's API (<see cref="VulnerabilityAudit"/>), and raising what they find
    /// (<see cref="VulnerabilityRaises"/>) through the update every env change takes (<see cref="Updater"/>).
    /// </summary>
    public sealed class AdvisoryService : IAdvisoryService
    {
        private const string AuditActivity = "Get-CodeEnvVulnerability";

        private readonly EngineContext context;
        private readonly PublishUploads uploads;
        private readonly Updater updater;

        internal AdvisoryService(EngineContext context, PublishUploads uploads, Updater updater)
        {
            this.context = context;
            this.uploads = uploads;
            this.updater = updater;
        }

        public Task<string> BeginImportAsync(long length, CancellationToken cancellation) =>
            Task.Run(() =>
            {
                RequireImporter();
                return uploads.Begin("osv-export.zip", length, force: false);
            }, cancellation);

        public Task ImportChunkAsync(string uploadId, byte[] content, CancellationToken cancellation) =>
            Task.Run(() => uploads.Write(uploadId, content ?? new byte[0]), cancellation);

        public Task<AdvisoryDatabaseInfo> EndImportAsync(string uploadId, IProgress<OperationReport>? progress, CancellationToken cancellation) =>
            Task.Run(
                () => uploads.Finish(uploadId, (zip, _) =>
                {
                    RequireImporter();
                    var reporter = ProgressReporter.For(progress);
                    reporter.Progress("Import-CodeEnvAdvisoryDatabase", "Reading the advisories", 10);
                    try
                    {
                        var info = AdvisoryDatabase.Import(context.Paths, zip, context.Clock.UtcNow, context.Caller.UserName, cancellation);
                        reporter.Verbose($"Imported {info.Advisories} advisories of {info.Packages} PyPI packages, the newest modified {info.MadeAt:u}; {info.Withdrawn} withdrawn ones left out.");
                        return info;
                    }
                    finally
                    {
                        reporter.ProgressCompleted("Import-CodeEnvAdvisoryDatabase");
                    }
                }),
                cancellation);

        public Task<IReadOnlyList<AuditResult>> AuditAsync(IReadOnlyList<string> names, bool includeHistory, AdvisorySource source, IProgress<OperationReport>? progress, CancellationToken cancellation) =>
            Task.Run<IReadOnlyList<AuditResult>>(async () =>
            {
                var reporter = ProgressReporter.For(progress);
                var settings = context.Settings();
                var caller = context.Caller;
                // Every env's sets first (a refusal or an unreadable env is its own result), then the advisories of all
                // their versions at once: one batch query online, each package's file once offline.
                var readable = new List<(AuditResult Result, IReadOnlyList<AuditedSet> Sets)>();
                var results = new List<AuditResult>();
                foreach (var name in names)
                {
                    var result = new AuditResult { Name = name };
                    results.Add(result);
                    try
                    {
                        var definition = context.Read(name);
                        result.Name = definition.Name;
                        // As every read of what an env holds: on a served root the caller needs Use; a direct root's files are the owner's.
                        if (!EnvironmentVisibility.ShowsEverything(definition, settings, caller))
                        {
                            AccessPolicy.Require(definition, settings, caller, EnvironmentRight.Use, "audit");
                        }
                        readable.Add((result, AuditedSets.Read(context.Paths, context.Store, definition.Name, context.ServingVenv(definition), includeHistory)));
                    }
                    catch (CodeEnvException e)
                    {
                        result.Error = ErrorData.Of(e);
                    }
                }

                if (readable.Count == 0)
                {
                    return results;
                }

                using (var client = source == AdvisorySource.Online ? new OsvApiClient(ApiUrl(settings)) : null)
                {
                    IAdvisoryLookup lookup;
                    if (client != null)
                    {
                        reporter.Verbose($"Asking OSV's API at {ApiUrl(settings)}.");
                        lookup = new BatchedLookup(new OnlineLookup(client), readable.SelectMany(r => r.Sets).SelectMany(s => s.Packages));
                    }
                    else
                    {
                        var database = AdvisoryDatabase.Open(context.Paths) ?? throw new CodeEnvException(
                            ErrorIds.AdvisoryDatabaseNotFound,
                            $"The root has no advisory database. On a connected machine download PyPI's OSV export (https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip), then Import-CodeEnvAdvisoryDatabase -Path all.zip; or audit online with -Source Online.",
                            context.Paths.Root);
                        var info = database.Info;
                        reporter.Verbose($"Reading the offline advisory database of {info.MadeAt:u} ({info.Advisories} advisories), imported {info.ImportedAt:u} by {info.ImportedBy}.");
                        lookup = new OfflineLookup(database);
                    }

                    var problems = new List<string>();
                    var done = 0;
                    foreach (var (result, sets) in readable)
                    {
                        reporter.Progress(AuditActivity, "Auditing " + result.Name, 100 * done++ / readable.Count);
                        result.Findings = (await VulnerabilityAudit.RunAsync(result.Name, sets, lookup, context.Paths.Root, problems, cancellation).ConfigureAwait(false)).ToList();
                    }

                    foreach (var problem in problems)
                    {
                        reporter.Warning(problem);
                    }

                    reporter.ProgressCompleted(AuditActivity);
                }

                return results;
            }, cancellation);

        public Task<EnvironmentInfo> RaiseAsync(string name, IReadOnlyList<PackageRaise> raises, IProgress<OperationReport>? progress, CancellationToken cancellation) =>
            Task.Run(async () =>
            {
                var reporter = ProgressReporter.For(progress);
                var settings = context.Settings();
                var definition = context.Read(name);
                AccessPolicy.Require(definition, settings, context.Caller, EnvironmentRight.UpdatePackages, "raise the packages of");
                var lines = EnvironmentRequirements.WithKinds(definition, settings).Select(l => l.Requirement);
                var constraints = VulnerabilityRaises.Constraints(definition.Name, raises ?? new PackageRaise[0], lines);
                reporter.Verbose($"Raising in '{definition.Name}': {string.Join(", ", constraints)}.");
                return await updater.UpdateAsync(definition.Name, new UpdateOptions { Constraints = constraints }, reporter, cancellation).ConfigureAwait(false);
            }, cancellation);

        /// <summary>The root's AdvisoryApiUrl, else OSV's own. Never a URL a caller names: the service asks only where its administrators said.</summary>
        internal static string ApiUrl(RootSettingsDocument settings) => string.IsNullOrEmpty(settings.AdvisoryApiUrl) ? OsvApiClient.DefaultUrl : settings.AdvisoryApiUrl!;

        private void RequireImporter() => AccessPolicy.RequireAdministrator(context.Settings(), context.Caller, "import advisory databases");

        /// <summary>Online, every env's versions are asked in one batch query; each env's audit then reads its own part of the answer.</summary>
        private sealed class BatchedLookup : IAdvisoryLookup
        {
            private readonly IAdvisoryLookup inner;
            private readonly List<(string Name, string Version)> all;
            private Dictionary<(string, string), IReadOnlyList<OsvAdvisory>>? answers;

            public BatchedLookup(IAdvisoryLookup inner, IEnumerable<(string Name, string Version)> all)
            {
                this.inner = inner;
                this.all = all.Select(p => (Requirements.PackageName.Normalize(p.Name), p.Version)).Distinct().ToList();
            }

            public AdvisorySource Source => inner.Source;

            public async Task<IReadOnlyList<IReadOnlyList<OsvAdvisory>>> CandidatesAsync(IReadOnlyList<(string Name, string Version)> packages, CancellationToken cancellation)
            {
                if (answers == null)
                {
                    var candidates = await inner.CandidatesAsync(all, cancellation).ConfigureAwait(false);
                    answers = all.Select((p, i) => (p, i)).ToDictionary(x => (x.p.Item1, x.p.Item2), x => candidates[x.i]);
                }

                return packages.Select(p => answers.TryGetValue((p.Name, p.Version), out var found) ? found : new OsvAdvisory[0]).ToList();
            }
        }
    }
}
