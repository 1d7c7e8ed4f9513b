using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Remove-CodeEnvPackage: removes packages from an env's requested list.</summary>
    [Cmdlet(VerbsCommon.Remove, "CodeEnvPackage", SupportsShouldProcess = true, DefaultParameterSetName = ByInputObject)]
    [OutputType(typeof(EnvironmentInfo))]
    public sealed class RemoveCodeEnvPackageCommand : PackageListCmdlet
    {
        private const string ByName = "ByName";
        private const string ByInputObject = "ByInputObject";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByName)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public override string[] Name { get; set; } = new string[0];

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RequestedPackageNameCompleter))]
        public string[] PackageName { get; set; } = new string[0];

        /// <summary>Requirements from Get-CodeEnvPackage; each is removed from its own env.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObject)]
        public PackageRequirement? InputObject { get; set; }

        /// <summary>Removes packages that declared consumers pin (refused with EnvironmentHasConsumers otherwise).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByName)
            {
                Save(Name, "Remove " + string.Join(", ", PackageName), (packages, name, progress, token) => packages.RemovePackagesAsync(name, PackageName, Force, progress, token), PackageName);
                return;
            }

            // A single object, not an array: PowerShell binds a pipeline object to it before trying -Name by property
            // name, which would otherwise take the package's Name for the env's.
            var requirement = InputObject!;
            Root = requirement.Root;
            Save(new[] { requirement.EnvironmentName }, "Remove " + requirement.Name, (packages, name, progress, token) => packages.RemovePackagesAsync(name, new[] { requirement.Name }, Force, progress, token), new[] { requirement.Name });
        }
    }
}
