using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Security;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Revoke-CodeEnvPermission: takes a right, or every right, from an OS group on an environment.</summary>
    [Cmdlet(VerbsSecurity.Revoke, "CodeEnvPermission", SupportsShouldProcess = true)]
    [OutputType(typeof(PermissionEntry))]
    public sealed class RevokeCodeEnvPermissionCommand : RootCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Group { get; set; } = "";

        /// <summary>The right to take (rights that imply it go too); every right when omitted.</summary>
        [Parameter(Position = 2)]
        public GroupRight? Permission { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            ForItem(Name, () =>
            {
                var service = Engine().Permissions;
                if (!ShouldProcess(Name, $"Revoke {Permission?.ToString() ?? "every right"} from the group '{Group}'"))
                {
                    return;
                }

                RunEngine((reporter, token) => System.Threading.Tasks.Task.FromResult(service.Revoke(Name, Group, Permission, reporter, token)));
                if (PassThru)
                {
                    WriteObject(service.Get(Name), enumerateCollection: true);
                }
            });
        }
    }
}
