using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Add-CodeEnvPackageSet: adds the lines of named root package sets to an env's requested list.</summary>
    [Cmdlet(VerbsCommon.Add, "CodeEnvPackageSet", SupportsShouldProcess = true)]
    [OutputType(typeof(EnvironmentInfo))]
    public sealed class AddCodeEnvPackageSetCommand : PackageListCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public override string[] Name { get; set; } = new string[0];

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PackageSetNameCompleter))]
        public string[] SetName { get; set; } = new string[0];

        protected override void ProcessRecord() =>
            Save(Name, "Add the package sets " + string.Join(", ", SetName), (packages, name, progress, token) => packages.AddPackageSetsAsync(name, SetName, progress, token));
    }
}
