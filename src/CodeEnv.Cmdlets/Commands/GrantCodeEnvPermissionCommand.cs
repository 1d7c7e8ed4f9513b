using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Security;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Grant-CodeEnvPermission: gives an OS group a right on an environment.</summary>
    [Cmdlet(VerbsSecurity.Grant, "CodeEnvPermission", SupportsShouldProcess = true)]
    [OutputType(typeof(PermissionEntry))]
    public sealed class GrantCodeEnvPermissionCommand : RootCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Group { get; set; } = "";

        [Parameter(Mandatory = true, Position = 2)]
        public GroupRight Permission { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            ForItem(Name, () =>
            {
                var service = Engine().Permissions;
                if (!ShouldProcess(Name, $"Grant {Permission} to the group '{Group}'"))
                {
                    return;
                }

                RunEngine((reporter, token) => System.Threading.Tasks.Task.FromResult(service.Grant(Name, Group, Permission, reporter, token)));
                if (PassThru)
                {
                    WriteObject(service.Get(Name), enumerateCollection: true);
                }
            });
        }
    }
}
