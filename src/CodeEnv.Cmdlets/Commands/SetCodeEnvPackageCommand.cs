using System.IO;
using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Errors;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Set-CodeEnvPackage: replaces an env's requested list with lines or a requirements.txt file.</summary>
    [Cmdlet(VerbsCommon.Set, "CodeEnvPackage", SupportsShouldProcess = true, DefaultParameterSetName = FromLines)]
    [OutputType(typeof(EnvironmentInfo))]
    public sealed class SetCodeEnvPackageCommand : PackageListCmdlet
    {
        private const string FromLines = "FromLines";
        private const string FromFile = "FromFile";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public override string[] Name { get; set; } = new string[0];

        /// <summary>The new list, one requirements.txt line per string; an empty array clears it.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = FromLines)]
        [AllowEmptyCollection]
        [AllowEmptyString]
        public string[] Requirement { get; set; } = new string[0];

        [Parameter(Mandatory = true, ParameterSetName = FromFile)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>Drops lines of packages that declared consumers pin (refused with EnvironmentHasConsumers otherwise).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var lines = Requirement;
            if (ParameterSetName == FromFile)
            {
                var file = GetUnresolvedProviderPathFromPSPath(Path);
                string[]? read = null;
                Terminating(file, () => read = Requirements.RequirementsFile.Read(file));
                lines = read!;
            }

            Save(Name, "Replace the requested packages", (packages, name, progress, token) => packages.SetPackagesAsync(name, lines, Force, progress, token));
        }
    }
}
