using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Packages;
using CodeEnv.Python;
using CodeEnv.Requirements;

namespace CodeEnv.Operations
{
    /// <summary>
    /// New-CodeEnv -FromVenv as a plain creation request: the existing venv's exact Python version and its top-level
    /// packages, pinned. The caller's own process reads the venv, on either kind of root, and the engine gets only this
    /// request: it never opens or runs a venv a caller names, and picks its own interpreter of that version.
    /// </summary>
    public static class VenvAdoption
    {
        /// <summary>The request that makes a managed copy of the venv at <paramref name="venvFolder"/>.</summary>
        public static NewEnvironmentRequest Request(NewEnvironmentRequest request, string venvFolder, string root, IProgress<OperationReport>? progress)
        {
            var venv = ExistingVenv.Open(venvFolder);
            var reporter = ProgressReporter.For(progress);
            var (lines, notExpressible) = venv.TopLevelRequirements(root);
            foreach (var problem in notExpressible)
            {
                reporter.Warning("Not taken over: " + problem + ".");
            }

            reporter.Verbose($"'{venv.Folder}' was made by Python {venv.Version}; its top-level packages: {(lines.Count == 0 ? "none" : string.Join(", ", lines))}.");
            var given = new HashSet<string>(request.Requirements.Select(EnvironmentRequirements.NameOf).Where(n => n != null).Select(n => PackageName.Normalize(n!)), StringComparer.Ordinal);
            return new NewEnvironmentRequest
            {
                Name = request.Name,
                Description = request.Description,
                // Lines given with -Requirement win over the venv's line for the same package.
                Requirements = request.Requirements.Concat(lines.Where(l => !given.Contains(PackageName.Normalize(EnvironmentRequirements.NameOf(l)!)))).ToList(),
                PackageSets = request.PackageSets,
                JupyterSupport = request.JupyterSupport,
                ContainerSelection = request.ContainerSelection,
                ContainerConfigs = request.ContainerConfigs,
                Constraints = request.Constraints,
                NoInstall = request.NoInstall,
                PythonVersion = venv.Version,
            };
        }
    }
}
