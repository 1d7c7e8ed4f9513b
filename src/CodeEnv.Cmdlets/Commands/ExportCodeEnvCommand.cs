using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Operations;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Export-CodeEnv: writes an env's definition and lock to a portable JSON document, or its lock alone as a PEP 751 pylock.toml.</summary>
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

        /// <summary>CodeEnv (the default): the document Import-CodeEnv reads. PyLock: the standard lock file (pylock.toml) of what is installed, each file with its sha256.</summary>
        [Parameter]
        public ExportFormat Format { get; set; } = ExportFormat.CodeEnv;

        protected override void ProcessRecord() =>
            ForItem(Name, () =>
            {
                var file = GetUnresolvedProviderPathFromPSPath(Path);
                if (ShouldProcess(file, $"Export '{Name}'"))
                {
                    ExportFile.Write(file, Call((engine, _, token) => engine.Transfer.ExportAsync(Name, Format, token)));
                    WriteObject(new System.IO.FileInfo(file));
                }
            });
    }
}
