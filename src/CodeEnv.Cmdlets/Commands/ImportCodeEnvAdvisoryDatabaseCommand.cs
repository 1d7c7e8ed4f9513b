using System.Management.Automation;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Operations;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Import-CodeEnvAdvisoryDatabase: makes an OSV export zip (PyPI's advisories) the root's offline advisory database (administrators).</summary>
    [Cmdlet(VerbsData.Import, "CodeEnvAdvisoryDatabase", SupportsShouldProcess = true)]
    [OutputType(typeof(AdvisoryDatabaseInfo))]
    public sealed class ImportCodeEnvAdvisoryDatabaseCommand : RootCmdlet
    {
        /// <summary>The zip of OSV's export for PyPI (one advisory per .json file), as downloaded.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        protected override void ProcessRecord()
        {
            var zip = GetUnresolvedProviderPathFromPSPath(Path);
            ForItem(zip, () =>
            {
                Engine();
                if (ShouldProcess(EngineRoot, $"Replace the advisory database with {zip}"))
                {
                    WriteObject(Call((engine, progress, token) => AdvisoryUpload.ImportAsync(engine.Advisories, zip, progress, token)));
                }
            });
        }
    }
}
