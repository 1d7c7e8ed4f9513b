using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Revoke-CodeEnvPermission: takes a right, or every right, from an OS group on an environment.</summary>
    [Cmdlet(VerbsSecurity.Revoke, "CodeEnvPermission", SupportsShouldProcess = true)]
    [OutputType(typeof(PermissionEntry))]
    public sealed class RevokeCodeEnvPermissionCommand : RootCmdlet
    {
        /// <summary>The envs: names, or wildcard patterns that stand for every env they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = new string[0];

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
            ForEachEnv(Name, name =>
            {
                Engine();
                if (!ShouldProcess(name, $"Revoke {Permission?.ToString() ?? "every right"} from the group '{Group}'"))
                {
                    return;
                }

                Call((engine, progress, token) => engine.Permissions.RevokeAsync(name, Group, Permission, progress, token));
                if (PassThru)
                {
                    WriteObject(Call((engine, _, token) => engine.Permissions.GetAsync(name, token)), enumerateCollection: true);
                }
            });
        }
    }
}
