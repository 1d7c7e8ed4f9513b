using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using CodeEnv.Operations;

namespace CodeEnv.Cmdlets.Infrastructure
{
    /// <summary>
    /// The package commands that edit an env's lists: they save (the env becomes Outdated), and with -Update also
    /// run Update-CodeEnv in the same call: once per env, after the last item of the pipeline, however many items
    /// changed it.
    /// </summary>
    public abstract class PackageListCmdlet : RootCmdlet
    {
        // Envs saved by this call and waiting for their one update, in the order they were first saved.
        private readonly List<(string Root, string Name)> pendingUpdates = new List<(string, string)>();

        /// <summary>The envs whose lists change: names, or wildcard patterns that stand for every env they match.</summary>
        public abstract string[] Name { get; set; }

        /// <summary>Also installs the saved lists, as Update-CodeEnv does.</summary>
        [Parameter]
        public SwitchParameter Update { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Saves the change <paramref name="save"/> makes to each env <paramref name="envNames"/> stand for, after ShouldProcess for that env.</summary>
        /// <param name="pinnedBy">For a removal: the env's declared consumers that pin those packages, so -WhatIf names them.</param>
        protected void Save(IEnumerable<string> envNames, string action, Func<IPackageService, string, IProgress<OperationReport>, System.Threading.CancellationToken, Task<EnvironmentInfo>> save, IEnumerable<string>? pinnedBy = null)
        {
            ForEachEnv(envNames, envName =>
            {
                Engine();
                if (!ShouldProcess(envName, action + (Update ? " and update" : "") + (pinnedBy == null ? "" : ConsumerNotes.Pinning(DeclaredConsumers(envName), pinnedBy))))
                {
                    return;
                }

                var saved = Call((engine, progress, token) => save(engine.Packages, envName, progress, token));
                if (Update)
                {
                    if (!pendingUpdates.Any(p => p.Root == saved.Root && string.Equals(p.Name, saved.Name, StringComparison.OrdinalIgnoreCase)))
                    {
                        pendingUpdates.Add((saved.Root, saved.Name));
                    }
                }
                else if (PassThru)
                {
                    WriteObject(saved);
                }
            });
        }

        protected override void EndProcessing()
        {
            foreach (var (root, name) in pendingUpdates)
            {
                ForItem(name, () =>
                {
                    // The env's own root, which a piped item named: the engine of the last item may be another root's.
                    Root = root;
                    var updated = Call((engine, progress, token) => engine.Lifecycle.UpdateAsync(name, new UpdateOptions(), progress, token));
                    if (PassThru)
                    {
                        WriteObject(updated);
                    }
                });
            }
        }
    }
}
