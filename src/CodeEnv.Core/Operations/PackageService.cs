using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
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
        private readonly PublishUploads uploads;

        internal PackageService(EngineContext context, PublishUploads uploads)
        {
            this.context = context;
            this.uploads = uploads;
        }

        /// <summary>The env's base and requested lines, each with where it comes from.</summary>
        public Task<IReadOnlyList<PackageRequirement>> GetAsync(string name, CancellationToken cancellation) => Task.Run<IReadOnlyList<PackageRequirement>>(() => EnvironmentRequirements.Describe(context.Read(name), context.Settings(), context.Paths.Root), cancellation);

        /// <summary>Replaces the whole requested list.</summary>
        public Task<EnvironmentInfo> SetPackagesAsync(string name, IReadOnlyList<string> lines, bool force, IProgress<OperationReport>? progress, CancellationToken cancellation) => Task.Run(() => Edit(name, "Set-CodeEnvPackage", (editor, definition) => editor.Replace(definition, lines), ProgressReporter.For(progress), cancellation, force), cancellation);

        /// <summary>Adds lines; a line for a package that is already requested replaces that package's line.</summary>
        public Task<EnvironmentInfo> AddPackagesAsync(string name, IReadOnlyList<string> lines, IProgress<OperationReport>? progress, CancellationToken cancellation) => Task.Run(() => Edit(name, "Add-CodeEnvPackage", (editor, definition) => editor.Add(definition, lines), ProgressReporter.For(progress), cancellation), cancellation);

        /// <summary>Removes every requested line of the named packages.</summary>
        public Task<EnvironmentInfo> RemovePackagesAsync(string name, IReadOnlyList<string> packageNames, bool force, IProgress<OperationReport>? progress, CancellationToken cancellation) => Task.Run(() => Edit(name, "Remove-CodeEnvPackage", (editor, definition) => editor.Remove(definition, packageNames), ProgressReporter.For(progress), cancellation, force), cancellation);

        /// <summary>Adds the lines of the named root package sets and records the sets on the env.</summary>
        public Task<EnvironmentInfo> AddPackageSetsAsync(string name, IReadOnlyList<string> setNames, IProgress<OperationReport>? progress, CancellationToken cancellation) => Task.Run(() => Edit(name, "Add-CodeEnvPackageSet", (editor, definition) => editor.AddSets(definition, setNames), ProgressReporter.For(progress), cancellation), cancellation);

        /// <summary>The root's package sets, by name.</summary>
        public Task<IReadOnlyList<PackageSet>> SetsAsync(CancellationToken cancellation) =>
            Task.Run<IReadOnlyList<PackageSet>>(() =>
            {
                var settings = context.Settings();
                return settings.PackageSets
                    .OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase)
                    .Select(s => new PackageSet(s.Key, s.Value, context.Paths.Root))
                    .ToList();
            }, cancellation);

        /// <summary>Copies a wheel or sdist into the wheelhouse, where every pip run of the root finds it; administrators only.</summary>
        public PublishedPackage Publish(string archive, bool force)
        {
            RequirePublisher();
            return Wheelhouse.Publish(context.Paths, archive, force);
        }

        /// <summary>Refuses a caller who may not publish, before the service receives anything of an archive.</summary>
        // The right to publish and the size are checked before a byte is written; the bytes go straight to a file.
        public Task<string> BeginPublishAsync(string fileName, long length, bool force, CancellationToken cancellation) =>
            Task.Run(() =>
            {
                RequirePublisher();
                return uploads.Begin(fileName, length, force);
            }, cancellation);

        public Task PublishChunkAsync(string uploadId, byte[] content, CancellationToken cancellation) =>
            Task.Run(() => uploads.Write(uploadId, content ?? new byte[0]), cancellation);

        public Task<PublishedPackage> EndPublishAsync(string uploadId, CancellationToken cancellation) =>
            Task.Run(
                () => uploads.Finish(uploadId, (archive, force) =>
                {
                    RequirePublisher();
                    return Wheelhouse.Publish(context.Paths, archive, force);
                }),
                cancellation);

        private void RequirePublisher() =>
            AccessPolicy.RequireAdministrator(context.Settings(), context.Caller, "publish packages to the root's wheelhouse");

        private EnvironmentInfo Edit(string name, string operation, Action<PackageListEditor, EnvironmentDefinition> edit, IOperationReporter reporter, CancellationToken cancellation, bool overrideConsumers = false) =>
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
                cancellation,
                overrideConsumers: overrideConsumers);
    }
}
