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
        /// <summary>The envs: names, or wildcard patterns that stand for every env they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        protected override void ProcessRecord() =>
            ForEachEnv(Name, name => WriteObject(Call((engine, _, token) => engine.Permissions.GetAsync(name, token)), enumerateCollection: true));
    }
}
