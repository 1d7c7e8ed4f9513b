using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Containers;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Export-CodeEnvContainerFile: writes a build context (Dockerfile, lock, archives) that reproduces an env in a config's image.</summary>
    [Cmdlet(VerbsData.Export, "CodeEnvContainerFile", SupportsShouldProcess = true)]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class ExportCodeEnvContainerFileCommand : RootCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContainerConfigNameCompleter))]
        public string ConfigName { get; set; } = "";

        /// <summary>A new or empty folder for the build context.</summary>
        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        protected override void ProcessRecord() =>
            ForItem(Name, () =>
            {
                var folder = GetUnresolvedProviderPathFromPSPath(Path);
                Engine();
                if (ShouldProcess(folder, $"Write the build context of '{Name}' for '{ConfigName}'"))
                {
                    ContextFolder.RequireEmpty(folder);
                    var files = Call((engine, _, token) => engine.Transfer.ContainerContextAsync(Name, ConfigName, token));
                    ContextFolder.Write(folder, files);
                    WriteObject(new System.IO.FileInfo(System.IO.Path.Combine(folder, "Dockerfile")));
                }
            });
    }
}
