using System;
using System.Collections.Generic;
using System.Threading;
using CodeEnv.Packages;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    public sealed partial class EnvironmentService
    {
        /// <summary>The env's base and requested lines, each with where it comes from.</summary>
        public IReadOnlyList<PackageRequirement> Packages(string name) =>
            EnvironmentRequirements.Describe(Get(name).Definition, Settings(), paths.Root);

        /// <summary>
        /// Edits the requested list (or package sets) under the env's lock with the rules of <see cref="PackageListEditor"/>;
        /// only saves, and leaves the env Outdated when anything changed.
        /// </summary>
        public Environment EditPackages(string name, string operation, Action<PackageListEditor, EnvironmentDefinition> edit, IOperationReporter reporter, CancellationToken cancellation)
        {
            var settings = Settings();
            var editor = new PackageListEditor(settings, Administrators.Includes(settings, identity.Current()));
            return Change(name, operation, EnvironmentRight.UpdatePackages, definition => edit(editor, definition), reporter, cancellation);
        }
    }
}
