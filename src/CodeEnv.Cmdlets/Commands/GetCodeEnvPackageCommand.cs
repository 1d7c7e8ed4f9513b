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

        // A string, not PackageKind?: a value-type field of an engine type would make PowerShell load the engine
        // while it scans the cmdlets, before the module initializer can point it at dependencies/.
        [Parameter]
        [ValidateSet(nameof(PackageKind.Base), nameof(PackageKind.Requested), IgnoreCase = true)]
        public string? Kind { get; set; }

        protected override void ProcessRecord() =>
            ForItem(Name, () => WriteObject(
                Environments().Packages(Name).Where(p => Kind == null || string.Equals(p.Kind.ToString(), Kind, System.StringComparison.OrdinalIgnoreCase)),
                enumerateCollection: true));
    }
}
