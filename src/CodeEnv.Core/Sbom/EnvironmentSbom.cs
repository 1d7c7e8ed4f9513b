using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Licenses;
using CodeEnv.Packages;
using CodeEnv.Python;
using CodeEnv.Requirements;

namespace CodeEnv.Sbom
{
    /// <summary>
    /// Gathers what an env's SBOM says: the lock (installed.json: every distribution, its version and the file it came
    /// from with its sha256), each distribution's METADATA in the venv that serves (its license and Requires-Dist), and
    /// the dependency graph as the installed-set check walks it under the lock's marker values.
    /// </summary>
    internal static class EnvironmentSbom
    {
        public static SbomSubject Of(EnvironmentDefinition definition, InstalledLock installed, string venv, string root)
        {
            var inVenv = Directory.Exists(venv)
                ? InstalledPackageReader.ReadDistributions(venv, definition.Name, root, withRequirements: true)
                : Array.Empty<InstalledDistribution>();
            var byName = inVenv.ToDictionary(d => PackageName.Normalize(d.Package.Name), StringComparer.Ordinal);

            // The lock's distributions as the venv holds them; one the venv lost or changed since (drift) keeps its lock
            // entry but says nothing its metadata would.
            var locked = installed.Packages
                .Select(p => (Package: p, Installed: byName.TryGetValue(PackageName.Normalize(p.Name), out var d) && SameVersion(d.Package.Version, p.Version) ? d : null))
                .ToList();
            var lines = RequirementsParser.TryParse(installed.Requirements, AnyRequirementLine.Instance, out _).Where(r => !r.IsOptionLine).ToList();
            var check = InstalledSetCheck.Run(
                lines.Select(l => (l, PackageKind.Requested)),
                locked.Where(l => l.Installed != null).Select(l => l.Installed!).ToList(),
                installed.MarkerEnvironment);

            return new SbomSubject
            {
                EnvironmentName = definition.Name,
                Revision = installed.Revision,
                Description = definition.Description ?? "",
                InstalledAt = installed.InstalledAt,
                Requirements = installed.Requirements,
                Markers = installed.MarkerEnvironment,
                PythonVersion = installed.Python.Version,
                InterpreterPath = installed.Python.Interpreter,
                Distributions = locked.Select(l => new SbomDistribution(
                    l.Installed?.Package.Name ?? l.Package.Name,
                    l.Package.Version,
                    l.Package.Artifact,
                    DistributionLicense.FromMetadataFile(l.Installed?.MetadataFile))).ToList(),
                Direct = check.Statuses
                    .Where(s => s.State != RequirementState.NotApplicable && s.InstalledVersion != null)
                    .Select(s => PackageName.Normalize(s.Name))
                    .Distinct()
                    .ToList(),
                DependsOn = check.DependencyGraph(),
            };
        }

        private static bool SameVersion(string installed, string locked) =>
            PackageVersion.TryParse(installed, out var a) && PackageVersion.TryParse(locked, out var b) ? a!.CompareTo(b!) == 0 : installed == locked;
    }
}
