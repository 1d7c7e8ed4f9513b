using System.Linq;
using System.Management.Automation;
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
        [ValidateSet(nameof(PackageKind.Base), nameof(PackageKind.Requested), IgnoreCase = true)]
        public string? Kind { get; set; }

        protected override void ProcessRecord() =>
            ForItem(Name, () =>
            {
                var kind = EnumArgument.ParseOptional<PackageKind>(Kind);
                WriteObject(Environments().Packages(Name).Where(p => kind == null || p.Kind == kind), enumerateCollection: true);
            });
    }
}
