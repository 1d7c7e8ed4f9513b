using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Operations;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Export-CodeEnv: writes an env's definition and lock to a portable JSON document.</summary>
    [Cmdlet(VerbsData.Export, "CodeEnv", SupportsShouldProcess = true)]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class ExportCodeEnvCommand : RootCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        protected override void ProcessRecord() =>
            ForItem(Name, () =>
            {
                var file = GetUnresolvedProviderPathFromPSPath(Path);
                if (ShouldProcess(file, $"Export '{Name}'"))
                {
                    ExportFile.Write(file, Call((engine, _, token) => engine.Transfer.ExportAsync(Name, token)));
                    WriteObject(new System.IO.FileInfo(file));
                }
            });
    }
}
