using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Grant-CodeEnvPermission: gives an OS group a right on an environment.</summary>
    [Cmdlet(VerbsSecurity.Grant, "CodeEnvPermission", SupportsShouldProcess = true)]
    [OutputType(typeof(PermissionEntry))]
    public sealed class GrantCodeEnvPermissionCommand : RootCmdlet
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

        [Parameter(Mandatory = true, Position = 2)]
        public GroupRight Permission { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            ForEachEnv(Name, name =>
            {
                Engine();
                if (!ShouldProcess(name, $"Grant {Permission} to the group '{Group}'"))
                {
                    return;
                }

                Call((engine, progress, token) => engine.Permissions.GrantAsync(name, Group, Permission, progress, token));
                if (PassThru)
                {
                    WriteObject(Call((engine, _, token) => engine.Permissions.GetAsync(name, token)), enumerateCollection: true);
                }
            });
        }
    }
}
