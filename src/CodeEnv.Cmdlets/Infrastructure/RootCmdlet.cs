using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CodeEnv.Operations;
using CodeEnv.Security;
using CodeEnv.Service;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Infrastructure
{
    /// <summary>
    /// A cmdlet that works on an existing root, named by -Root, $env:CODEENV_ROOT or the machine config. On a direct root
    /// it runs the engine in this process as the OS user; on a served root it sends each operation to the root's
    /// service over one connection for the whole call, and the service decides as whom the OS says is calling.
    /// </summary>
    public abstract class RootCmdlet : CodeEnvCmdlet, IDisposable
    {
        // Typed by its interface, so a call on a direct root never loads the service's client (StreamJsonRpc and its kin).
        private ICodeEnvEngine? remote;

        /// <summary>The root folder. Defaults to $env:CODEENV_ROOT, then the machine config file.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Root { get; set; }

        protected RootPaths ResolveRoot()
        {
            var explicitRoot = Root == null ? null : GetUnresolvedProviderPathFromPSPath(Root);
            return RootLocator.ForThisMachine().Resolve(explicitRoot);
        }

        /// <summary>The engine of the root this call works on, for the OS user running it.</summary>
        protected ICodeEnvEngine Engine()
        {
            var paths = ResolveRoot();
            if (remote != null && remote.Root.Root == paths.Root)
            {
                return remote;
            }

            var served = ServedRoot.Find(paths);
            if (served == null)
            {
                return new CodeEnvEngine(paths.Root, OsIdentityProvider.Instance, SystemClock.Instance);
            }

            Dispose();
            remote = Connect(served);
            return remote;
        }

        /// <summary>
        /// Runs <paramref name="work"/> once for every env that the -Name values stand for: the one rule of every cmdlet
        /// that takes several env names. A literal name stands for itself: one that is not a valid name is a
        /// CodeEnvNameInvalid error, and one that does not exist the engine's CodeEnvNotFound error. A wildcard stands for
        /// every env whose name it matches (<see cref="EnvNamesMatching"/>), and for none, silently, when it matches
        /// none. Each env's failure is its own non-terminating error, and the other names go on; an env named twice runs
        /// once. Cmdlets that change envs call ShouldProcess inside <paramref name="work"/>, so -WhatIf and -Confirm
        /// name each matched env.
        /// </summary>
        protected void ForEachEnv(IEnumerable<string> requested, Action<string> work)
        {
            var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var value in requested)
            {
                IReadOnlyList<string> names = new[] { value };
                if (WildcardPattern.ContainsWildcardCharacters(value) && !ForItem(value, () => names = EnvNamesMatching(value)))
                {
                    continue;
                }

                foreach (var name in names.Where(done.Add))
                {
                    ForItem(name, () =>
                    {
                        EnvironmentName.Validate(name);
                        work(name);
                    });
                }
            }
        }

        /// <summary>The names of the envs of the root that a wildcard pattern matches, in any letter case; what Get-CodeEnv lists for it.</summary>
        protected IReadOnlyList<string> EnvNamesMatching(string pattern) => NamePatterns.EnvNamesMatching(Engine().Environments, pattern);

        public void Dispose()
        {
            (remote as IDisposable)?.Dispose();
            remote = null;
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static ICodeEnvEngine Connect(ServedRoot served) => new RemoteEngine(served);
    }
}
