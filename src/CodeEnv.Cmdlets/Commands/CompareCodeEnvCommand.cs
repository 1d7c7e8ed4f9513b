using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Compare-CodeEnv: the packages that differ between two envs, two revisions, or an env and its last update.</summary>
    [Cmdlet(VerbsData.Compare, "CodeEnv", DefaultParameterSetName = Installed)]
    [OutputType(typeof(PackageDifference))]
    public sealed class CompareCodeEnvCommand : RootCmdlet
    {
        private const string Installed = "Installed";
        private const string Revisions = "Revisions";
        private const string SinceLastUpdate = "LastUpdate";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string ReferenceName { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = Installed)]
        [Parameter(Position = 1, ParameterSetName = Revisions)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string? DifferenceName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = Revisions)]
        public int ReferenceRevision { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = Revisions)]
        public int DifferenceRevision { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SinceLastUpdate)]
        public SwitchParameter LastUpdate { get; set; }

        protected override void ProcessRecord() =>
            ForItem(ReferenceName, () =>
            {
                var differences = Call((engine, _, token) => ParameterSetName == Revisions
                    ? engine.Environments.CompareRevisionsAsync(ReferenceName, ReferenceRevision, DifferenceName ?? ReferenceName, DifferenceRevision, token)
                    : ParameterSetName == SinceLastUpdate
                        ? engine.Environments.CompareWithLastUpdateAsync(ReferenceName, token)
                        : engine.Environments.CompareInstalledAsync(ReferenceName, DifferenceName!, token));
                WriteObject(differences, enumerateCollection: true);
            });
    }
}
