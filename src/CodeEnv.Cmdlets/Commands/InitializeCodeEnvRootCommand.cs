using System.Management.Automation;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Operations;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Initialize-CodeEnvRoot: lays out a new root in an absent or empty folder.</summary>
    [Cmdlet(VerbsData.Initialize, "CodeEnvRoot", SupportsShouldProcess = true)]
    [OutputType(typeof(RootSettings))]
    public sealed class InitializeCodeEnvRootCommand : CodeEnvCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>Users and groups who administer the root; the caller when none is named.</summary>
        [Parameter]
        [ValidateNotNull]
        public string[]? Administrator { get; set; }

        /// <summary>Makes a served root: its files belong to this OS account, whose CodeEnv service alone changes them.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ServiceAccount { get; set; }

        protected override void ProcessRecord()
        {
            var folder = GetUnresolvedProviderPathFromPSPath(Path);
            if (!ShouldProcess(folder, "Initialize CodeEnv root"))
            {
                return;
            }

            Terminating(folder, () =>
                WriteObject(RootService.Initialize(folder, Administrator, OsIdentityProvider.Instance, SystemClock.Instance, ServiceAccount)));
        }
    }
}
