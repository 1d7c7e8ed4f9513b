using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Get-CodeEnvPermission: who may do what with an environment.</summary>
    [Cmdlet(VerbsCommon.Get, "CodeEnvPermission")]
    [OutputType(typeof(PermissionEntry))]
    public sealed class GetCodeEnvPermissionCommand : RootCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string Name { get; set; } = "";

        protected override void ProcessRecord() =>
            ForItem(Name, () => WriteObject(Engine().Permissions.Get(Name), enumerateCollection: true));
    }
}
