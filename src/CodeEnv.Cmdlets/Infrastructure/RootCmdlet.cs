using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Operations;
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
        // The engine of the root this call works on (one connection for the whole call on a served root), and that root.
        private ICodeEnvEngine? engine;
        private string? engineRoot;

        /// <summary>The root folder. Defaults to $env:CODEENV_ROOT, then the machine config file.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Root { get; set; }

        protected RootPaths ResolveRoot()
        {
            var explicitRoot = Root == null ? null : GetUnresolvedProviderPathFromPSPath(Root);
            return RootLocator.ForThisMachine().Resolve(explicitRoot);
        }

        /// <summary>The engine of the root this call works on, for the OS user running it (<see cref="EngineFactory"/>).</summary>
        protected ICodeEnvEngine Engine()
        {
            var paths = ResolveRoot();
            if (engine != null && engineRoot == paths.Root)
            {
                return engine;
            }

            Dispose();
            engine = EngineFactory.For(paths);
            engineRoot = paths.Root;
            return engine;
        }

        /// <summary>The root folder of <see cref="Engine"/>, as confirmation prompts name it.</summary>
        protected string EngineRoot => engineRoot ?? ResolveRoot().Root;

        /// <summary>Runs one operation of the contract on this call's engine, writing its reports as it runs.</summary>
        protected T Call<T>(Func<ICodeEnvEngine, IProgress<OperationReport>, CancellationToken, Task<T>> operation)
        {
            var on = Engine();
            return RunEngine((progress, token) => operation(on, progress, token));
        }

        /// <summary>As <see cref="Call{T}"/>, for an operation that gives nothing back.</summary>
        protected void Call(Func<ICodeEnvEngine, IProgress<OperationReport>, CancellationToken, Task> operation)
        {
            var on = Engine();
            RunEngine((progress, token) => operation(on, progress, token));
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
        protected IReadOnlyList<string> EnvNamesMatching(string pattern) => NamePatterns.EnvNamesMatching(Call((e, _, token) => e.Environments.NamesAsync(token)), pattern);

        /// <summary>
        /// The env's declared consumers for a -WhatIf or -Confirm text; none when the caller may not read them (the
        /// operation itself then says what is missing).
        /// </summary>
        protected IReadOnlyList<EnvironmentConsumer> DeclaredConsumers(string name)
        {
            try
            {
                return Call((engine, _, token) => engine.Usages.ConsumersAsync(name, token));
            }
            catch (Errors.CodeEnvException)
            {
                return new EnvironmentConsumer[0];
            }
        }

        public void Dispose()
        {
            engine?.Dispose();
            engine = null;
            engineRoot = null;
        }
    }
}
