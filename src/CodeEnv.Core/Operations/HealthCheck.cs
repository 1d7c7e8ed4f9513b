using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Python;
using CodeEnv.Requirements;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>Test-CodeEnv: checks the interpreter, the venv, every line, the dependencies and the drift from installed.json; changes nothing.</summary>
    internal sealed class HealthCheck
    {
        private readonly EngineContext context;
        private readonly Updater updater;

        public HealthCheck(EngineContext context, Updater updater)
        {
            this.context = context;
            this.updater = updater;
        }

        public async Task<HealthReport> RunAsync(string name, bool verifyFiles, CancellationToken cancellation)
        {
            var definition = context.Read(name);
            var environment = context.Info(definition);
            var settings = context.Settings();
            var report = new HealthReport
            {
                Name = environment.Name,
                Root = context.Paths.Root,
                State = environment.State,
                InterpreterPresent = File.Exists(definition.Python.Interpreter),
                VenvIntact = File.Exists(environment.PythonPath) && File.Exists(VenvLayout.Config(environment.VenvPath)),
            };
            var problems = new List<string>();
            if (environment.Archived)
            {
                // Its venv is gone on purpose: an archive is not a breakage, and nothing runs it until Enable-CodeEnv.
                report.Status = HealthStatus.Archived;
                report.Problems = new ItemList<string>(problems);
                return report;
            }

            if (!report.InterpreterPresent)
            {
                problems.Add($"The interpreter '{definition.Python.Interpreter}' (Python {definition.Python.Version}) is missing; reinstall it or recreate the env.");
            }

            if (!report.VenvIntact)
            {
                problems.Add($"The venv '{environment.VenvPath}' is missing or incomplete; Update-CodeEnv -Rebuild recreates it.");
                report.Status = HealthStatus.Broken;
                report.Problems = new ItemList<string>(problems);
                return report;
            }

            InstalledLock? installed = null;
            try
            {
                installed = context.Store.ReadInstalled(environment.Name);
            }
            catch (CodeEnvException e) when (e.Kind == ErrorKind.InvalidData)
            {
                problems.Add(e.Message);
            }

            IReadOnlyDictionary<string, string> markers;
            try
            {
                markers = await updater.MarkerValuesAsync(definition, installed, cancellation).ConfigureAwait(false);
            }
            catch (CodeEnvException e) when (e.Kind != ErrorKind.Stopped)
            {
                problems.Add($"The venv's python does not run: {e.Message}");
                report.VenvIntact = false;
                report.Status = HealthStatus.Broken;
                report.Problems = new ItemList<string>(problems);
                return report;
            }

            var distributions = InstalledPackageReader.ReadDistributions(environment.VenvPath, environment.Name, context.Paths.Root, withRequirements: true);
            var check = InstalledSetCheck.Run(EnvironmentRequirements.WithKinds(definition, settings), distributions, markers);
            report.Requirements = new ItemList<RequirementStatus>(check.Statuses);
            // A registered venv has no lines: what it holds is compared with what it held when registered, not with lines.
            report.Extraneous = new ItemList<string>(definition.RegisteredVenv == null ? check.Extraneous : new List<string>());
            report.BrokenDependencies = new ItemList<string>(check.BrokenDependencies().Concat(check.ClosureProblems).Distinct());
            report.Drift = new ItemList<string>(installed == null ? new List<string>() : DriftFrom(installed, distributions));

            problems.AddRange(check.UnmetLines.Select(s => $"{s.Kind} requirement {s}"));
            problems.AddRange(report.BrokenDependencies);
            problems.AddRange(report.Extraneous.Select(e => $"{e} is installed but no line needs it (Update-CodeEnv -Sync removes it)."));
            problems.AddRange(report.Drift);
            if (installed == null)
            {
                problems.Add("No update has succeeded yet, so there is no installed.json to compare with; Update-CodeEnv records one.");
            }

            var changedFiles = 0;
            if (verifyFiles)
            {
                report.FileFindings = new ItemList<FileFinding>(FileVerification.Run(context, environment.Name, environment.VenvPath, installed));
                var changed = report.FileFindings.Where(f => f.Kind != FileFindingKind.Unverifiable).ToList();
                changedFiles = changed.Count;
                problems.InsertRange(0, changed.Select(f => f.ToString()));
            }

            report.Status = !report.InterpreterPresent ? HealthStatus.Broken
                : !check.AllSatisfied || report.BrokenDependencies.Count > 0 || changedFiles > 0 ? HealthStatus.Unhealthy
                : report.Extraneous.Count > 0 || report.Drift.Count > 0 || installed == null ? HealthStatus.Drifted
                : HealthStatus.Healthy;
            report.Problems = new ItemList<string>(problems);
            report.OutdatedImages = new ItemList<string>(await OutdatedImagesAsync(environment, settings, cancellation).ConfigureAwait(false));
            return report;
        }

        /// <summary>The newest image of each config that still includes the env, where it no longer reproduces it.</summary>
        private async Task<List<string>> OutdatedImagesAsync(EnvironmentInfo environment, RootSettingsDocument settings, CancellationToken cancellation)
        {
            var images = await new ImageBuilds(context).ListAsync(new[] { environment }, cancellation).ConfigureAwait(false);
            return Containers.ImageRecords.Latest(images)
                .Where(i => i.Status == "Outdated" && settings.FindContainerConfig(i.ConfigName)?.Includes(environment) == true)
                .Select(i => $"The image {i.Reference} of the container config '{i.ConfigName}' no longer reproduces the env: {i.OutdatedReason}. Update-CodeEnvImage -Name {environment.Name} -ContainerConfig {i.ConfigName} builds it again.")
                .ToList();
        }

        private static List<string> DriftFrom(InstalledLock installed, IReadOnlyList<InstalledDistribution> distributions)
        {
            var now = distributions.ToDictionary(d => PackageName.Normalize(d.Package.Name), d => d.Package, StringComparer.Ordinal);
            var then = installed.Packages.GroupBy(p => PackageName.Normalize(p.Name)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var drift = new List<string>();
            foreach (var key in then.Keys.Union(now.Keys).OrderBy(k => k, StringComparer.Ordinal))
            {
                var hadIt = then.TryGetValue(key, out var locked);
                var hasIt = now.TryGetValue(key, out var present);
                if (hadIt && !hasIt)
                {
                    drift.Add($"{locked!.Name} {locked.Version} was removed since the last update.");
                }
                else if (!hadIt && hasIt)
                {
                    drift.Add($"{present!.Name} {present.Version} was installed outside CodeEnv since the last update.");
                }
                else if (hadIt && hasIt && locked!.Version != present!.Version)
                {
                    drift.Add($"{present.Name} changed from {locked.Version} to {present.Version} since the last update.");
                }
            }

            return drift;
        }
    }
}
