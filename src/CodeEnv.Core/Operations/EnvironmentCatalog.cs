using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Python;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>Reads the envs of a root: their snapshots, what their venvs hold, and their logs. Changes nothing.</summary>
    public sealed class EnvironmentCatalog : IEnvironmentCatalog
    {
        private readonly EngineContext context;

        internal EnvironmentCatalog(EngineContext context)
        {
            this.context = context;
        }

        /// <summary>The names of the envs in the root, sorted.</summary>
        public Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellation) => Task.FromResult(context.Store.Names());

        /// <summary>The env named <paramref name="name"/> in any letter case; NotFound when there is none.</summary>
        public Task<EnvironmentInfo> GetAsync(string name, CancellationToken cancellation) => Task.Run(() => Get(name, context.Settings(), context.Caller), cancellation);

        // On a served root a caller without Use sees only what EnvironmentVisibility shows.
        private EnvironmentInfo Get(string name, RootSettingsDocument settings, CallerIdentity caller)
        {
            var definition = context.Read(name);
            return EnvironmentVisibility.ShowsEverything(definition, settings, caller)
                ? context.Info(definition)
                : context.Info(EnvironmentVisibility.Restricted(definition), withStateDetail: false);
        }

        /// <summary>
        /// Reads many envs at once, in parallel (10,000 env.json files are mostly waiting on the disk), in the order
        /// given; each is the env or the error that reading it gave.
        /// </summary>
        public Task<IReadOnlyList<EnvironmentResult>> GetManyAsync(IReadOnlyList<string> names, CancellationToken cancellation) => Task.Run<IReadOnlyList<EnvironmentResult>>(() => GetMany(names), cancellation);

        internal IReadOnlyList<EnvironmentResult> GetMany(IReadOnlyList<string> names)
        {
            var settings = context.Settings();
            var caller = context.Caller;
            return names.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(4, System.Environment.ProcessorCount * 2)).Select(name =>
            {
                try
                {
                    return new EnvironmentResult { Name = name, Environment = Get(name, settings, caller) };
                }
                catch (CodeEnvException e)
                {
                    return new EnvironmentResult { Name = name, Error = ErrorData.Of(e) };
                }
            }).ToList();
        }

        /// <summary>What is installed in the env's venv, read from its metadata files without starting Python.</summary>
        public Task<IReadOnlyList<InstalledPackage>> InstalledPackagesAsync(string name, CancellationToken cancellation) =>
            Task.Run(() =>
            {
                var definition = context.Read(name);
                return InstalledPackageReader.Read(context.VenvOf(definition), definition.Name, context.Paths.Root);
            }, cancellation);

        /// <summary>The env's operation logs, newest first.</summary>
        public Task<IReadOnlyList<LogEntry>> LogsAsync(string name, CancellationToken cancellation) => Task.Run<IReadOnlyList<LogEntry>>(() => Logs(name), cancellation);

        private IReadOnlyList<LogEntry> Logs(string name)
        {
            var canonical = context.Canonical(name);
            var folder = context.Paths.LogsFolder(canonical);
            if (!Directory.Exists(folder))
            {
                return Array.Empty<LogEntry>();
            }

            var logs = new List<LogEntry>();
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*" + LogFileName.Extension))
            {
                if (LogFileName.TryParse(file.Name, out var startedAt, out var operation))
                {
                    logs.Add(new LogEntry(canonical, context.Paths.Root, operation, startedAt, file.FullName, file.Length));
                }
            }

            return logs.OrderByDescending(entry => entry.StartedAt).ThenByDescending(entry => entry.Path, StringComparer.Ordinal).ToList();
        }

        /// <summary>The envs the container config includes, and every env that cannot be read (whose inclusion cannot be told) with its error.</summary>
        public Task<IReadOnlyList<EnvironmentResult>> IncludedInAsync(string configName, CancellationToken cancellation) =>
            Task.Run<IReadOnlyList<EnvironmentResult>>(() =>
            {
                var settings = context.Settings();
                var config = settings.FindContainerConfig(configName) ?? throw ContainerSelections.Missing(configName, settings);
                return GetMany(context.Store.Names()).Where(r => r.Error != null || config.Includes(r.Environment!)).ToList();
            }, cancellation);

        /// <summary>The packages whose installed versions differ between two envs' venvs (read from their metadata).</summary>
        public Task<IReadOnlyList<PackageDifference>> CompareInstalledAsync(string reference, string difference, CancellationToken cancellation) =>
            Task.Run(() =>
            {
                var left = context.Read(reference);
                var right = context.Read(difference);
                return Comparison.Between(InstalledOf(left), InstalledOf(right), left.Name, right.Name, context.Paths.Root);
            }, cancellation);

        /// <summary>The requested lines that differ between a revision of one env and a revision of another (or the same) env.</summary>
        public Task<IReadOnlyList<PackageDifference>> CompareRevisionsAsync(string reference, int referenceRevision, string difference, int differenceRevision, CancellationToken cancellation) =>
            Task.Run(() =>
            {
                var (leftName, leftLines) = RequestedAt(reference, referenceRevision);
                var (rightName, rightLines) = RequestedAt(difference, differenceRevision);
                return Comparison.Between(Comparison.Requested(leftLines), Comparison.Requested(rightLines), leftName, rightName, context.Paths.Root);
            }, cancellation);

        /// <summary>What changed in the env's venv since its last successful update recorded installed.json (reference: that record).</summary>
        public Task<IReadOnlyList<PackageDifference>> CompareWithLastUpdateAsync(string name, CancellationToken cancellation) => Task.Run<IReadOnlyList<PackageDifference>>(() => CompareWithLastUpdate(name), cancellation);

        private IReadOnlyList<PackageDifference> CompareWithLastUpdate(string name)
        {
            var definition = context.Read(name);
            var installed = context.Store.ReadInstalled(definition.Name)
                ?? throw new CodeEnvException(ErrorIds.EnvironmentNeverUpdated, $"The env '{definition.Name}' has no installed set yet: no update has succeeded. Run Update-CodeEnv -Name {definition.Name} first.", definition.Name);
            var recorded = Comparison.Installed(installed.Packages.Select(p => (p.Name, p.Version)));
            return Comparison.Between(recorded, InstalledOf(definition), $"{definition.Name} (last update, revision {installed.Revision})", definition.Name, context.Paths.Root);
        }

        private IReadOnlyDictionary<string, (string Name, string Value)> InstalledOf(EnvironmentDefinition definition) =>
            Comparison.Installed(InstalledPackageReader.Read(context.VenvOf(definition), definition.Name, context.Paths.Root).Select(p => (p.Name, p.Version)));

        private (string Name, IReadOnlyList<string> Lines) RequestedAt(string name, int revision)
        {
            var canonical = context.Canonical(name);
            var record = context.Store.Definitions(canonical).History().FirstOrDefault(r => r.Revision == revision)
                ?? throw new CodeEnvException(ErrorIds.RevisionNotFound, $"The env '{canonical}' has no revision {revision}. Get-CodeEnvHistory -Name {canonical} lists its revisions.", revision);
            return ($"{canonical} (revision {revision})", record.Definition.RequestedPackages);
        }
    }
}
