using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CodeEnv.Packages;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>
    /// An env's requested packages and package sets (each change saved as a revision with the rules of
    /// <see cref="PackageListEditor"/>, leaving the env Outdated until Update-CodeEnv), the root's package sets, and
    /// the wheelhouse.
    /// </summary>
    public sealed class PackageService : IPackageService
    {
        private readonly EngineContext context;

        internal PackageService(EngineContext context)
        {
            this.context = context;
        }

        /// <summary>The env's base and requested lines, each with where it comes from.</summary>
        public IReadOnlyList<PackageRequirement> Get(string name) =>
            EnvironmentRequirements.Describe(context.Read(name), context.Settings(), context.Paths.Root);

        /// <summary>Replaces the whole requested list.</summary>
        public EnvironmentInfo SetPackages(string name, IReadOnlyList<string> lines, IOperationReporter reporter, CancellationToken cancellation) =>
            Edit(name, "Set-CodeEnvPackage", (editor, definition) => editor.Replace(definition, lines), reporter, cancellation);

        /// <summary>Adds lines; a line for a package that is already requested replaces that package's line.</summary>
        public EnvironmentInfo AddPackages(string name, IReadOnlyList<string> lines, IOperationReporter reporter, CancellationToken cancellation) =>
            Edit(name, "Add-CodeEnvPackage", (editor, definition) => editor.Add(definition, lines), reporter, cancellation);

        /// <summary>Removes every requested line of the named packages.</summary>
        public EnvironmentInfo RemovePackages(string name, IReadOnlyList<string> packageNames, IOperationReporter reporter, CancellationToken cancellation) =>
            Edit(name, "Remove-CodeEnvPackage", (editor, definition) => editor.Remove(definition, packageNames), reporter, cancellation);

        /// <summary>Adds the lines of the named root package sets and records the sets on the env.</summary>
        public EnvironmentInfo AddPackageSets(string name, IReadOnlyList<string> setNames, IOperationReporter reporter, CancellationToken cancellation) =>
            Edit(name, "Add-CodeEnvPackageSet", (editor, definition) => editor.AddSets(definition, setNames), reporter, cancellation);

        /// <summary>The root's package sets, by name.</summary>
        public IReadOnlyList<PackageSet> Sets()
        {
            var settings = context.Settings();
            return settings.PackageSets
                .OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase)
                .Select(s => new PackageSet(s.Key, s.Value, context.Paths.Root))
                .ToList();
        }

        /// <summary>Copies a wheel or sdist into the wheelhouse, where every pip run of the root finds it; administrators only.</summary>
        public PublishedPackage Publish(string archive, bool force)
        {
            RequirePublisher();
            return Wheelhouse.Publish(context.Paths, archive, force);
        }

        /// <summary>Refuses a caller who may not publish, before the service receives anything of an archive.</summary>
        public void RequirePublisher() =>
            AccessPolicy.RequireAdministrator(context.Settings(), context.Caller, "publish packages to the root's wheelhouse");

        private EnvironmentInfo Edit(string name, string operation, Action<PackageListEditor, EnvironmentDefinition> edit, IOperationReporter reporter, CancellationToken cancellation) =>
            context.Transaction.Apply(
                name,
                operation,
                EnvironmentRight.UpdatePackages,
                (definition, settings, caller) =>
                {
                    RegisteredVenvs.RequireManaged(definition, operation);
                    edit(new PackageListEditor(settings, AccessPolicy.IsAdministrator(settings, caller)), definition);
                },
                reporter,
                cancellation);
    }
}
