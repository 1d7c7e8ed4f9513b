using System.Management.Automation;
using CodeEnv.Operations;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Infrastructure
{
    /// <summary>A cmdlet that works on an existing root, named by -Root, $env:CODEENV_ROOT or the machine config.</summary>
    public abstract class RootCmdlet : CodeEnvCmdlet
    {
        /// <summary>The root folder. Defaults to $env:CODEENV_ROOT, then the machine config file.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Root { get; set; }

        protected RootPaths ResolveRoot()
        {
            var explicitRoot = Root == null ? null : GetUnresolvedProviderPathFromPSPath(Root);
            return RootLocator.ForThisMachine().Resolve(explicitRoot);
        }

        /// <summary>The engine of the root this call works on, as the OS user running it.</summary>
        protected CodeEnvEngine Engine() => new CodeEnvEngine(ResolveRoot().Root, OsIdentityProvider.Instance, SystemClock.Instance);
    }
}
