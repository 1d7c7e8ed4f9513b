using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Packages;
using CodeEnv.Python;
using CodeEnv.Requirements;

namespace CodeEnv.Operations
{
    /// <summary>
    /// New-CodeEnv -FromVenv as a plain creation request: the existing venv's Python and its top-level packages, pinned.
    /// Whoever owns the venv reads it: the engine on a direct root, the caller's own process on a served one, which then
    /// sends only this request, so the service never opens a venv a caller names.
    /// </summary>
    internal static class VenvAdoption
    {
        /// <summary>The request that makes a managed copy of <paramref name="venv"/>.</summary>
        /// <param name="interpreterPath">The interpreter that made the venv, when the reader could tell; else its version is asked for.</param>
        public static NewEnvironmentRequest Request(NewEnvironmentRequest request, ExistingVenv venv, string? interpreterPath, string root, IOperationReporter reporter)
        {
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
                InterpreterPath = interpreterPath,
                PythonVersion = interpreterPath == null ? venv.Version : null,
            };
        }
    }
}
