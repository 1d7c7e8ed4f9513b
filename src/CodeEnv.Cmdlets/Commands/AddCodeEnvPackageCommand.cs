using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Add-CodeEnvPackage: adds lines to an env's requested list; a package already requested gets the new line.</summary>
    [Cmdlet(VerbsCommon.Add, "CodeEnvPackage", SupportsShouldProcess = true)]
    [OutputType(typeof(EnvironmentInfo))]
    public sealed class AddCodeEnvPackageCommand : PackageListCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public override string[] Name { get; set; } = new string[0];

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[] Requirement { get; set; } = new string[0];

        protected override void ProcessRecord() =>
            Save(Name, "Add " + string.Join(", ", Requirement), (packages, name, progress, token) => packages.AddPackagesAsync(name, Requirement, progress, token));
    }
}
