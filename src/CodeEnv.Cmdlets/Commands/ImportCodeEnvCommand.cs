using System.Management.Automation;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Operations;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Import-CodeEnv: creates an env on this root from an Export-CodeEnv document.</summary>
    [Cmdlet(VerbsData.Import, "CodeEnv", SupportsShouldProcess = true)]
    [OutputType(typeof(EnvironmentInfo))]
    public sealed class ImportCodeEnvCommand : RootCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>Install exactly the exported versions.</summary>
        [Parameter]
        public SwitchParameter Locked { get; set; }

        protected override void ProcessRecord()
        {
            var file = GetUnresolvedProviderPathFromPSPath(Path);
            ForItem(file, () =>
            {
                Engine();
                if (ShouldProcess(file, $"Import into {EngineRoot}" + (NewName == null ? "" : " as " + NewName)))
                {
                    var document = ExportFile.Read(file);
                    WriteObject(Call((engine, progress, token) => engine.Transfer.ImportAsync(document, file, NewName, Locked, progress, token)));
                }
            });
        }
    }
}
