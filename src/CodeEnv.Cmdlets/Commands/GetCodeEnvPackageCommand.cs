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
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string Name { get; set; } = "";

        [Parameter]
        public PackageKind? Kind { get; set; }

        protected override void ProcessRecord() =>
            ForItem(Name, () =>
            {
                WriteObject(Engine().Packages.Get(Name).Where(p => Kind == null || p.Kind == Kind), enumerateCollection: true);
            });
    }
}
