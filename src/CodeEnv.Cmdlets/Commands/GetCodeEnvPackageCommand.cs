using System.Linq;
using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Get-CodeEnvPackage: an env's base and requested requirement lines, with where each comes from.</summary>
    [Cmdlet(VerbsCommon.Get, "CodeEnvPackage")]
    [OutputType(typeof(PackageRequirement))]
    public sealed class GetCodeEnvPackageCommand : RootCmdlet
    {
        /// <summary>The envs: names, or wildcard patterns that stand for every env they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        [Parameter]
        public PackageKind? Kind { get; set; }

        protected override void ProcessRecord() =>
            ForEachEnv(Name, name =>
            {
                WriteObject(Call((engine, _, token) => engine.Packages.GetAsync(name, token)).Where(p => Kind == null || p.Kind == Kind), enumerateCollection: true);
            });
    }
}
