using System.Management.Automation;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Operations;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Publish-CodeEnvPackage: copies wheels and sdists into the root's wheelhouse, where every pip run finds them.</summary>
    [Cmdlet(VerbsData.Publish, "CodeEnvPackage", SupportsShouldProcess = true)]
    [OutputType(typeof(PublishedPackage))]
    public sealed class PublishCodeEnvPackageCommand : RootCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        /// <summary>Replaces an archive of the same file name with different content.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var path in Path)
            {
                var archive = GetUnresolvedProviderPathFromPSPath(path);
                ForItem(archive, () =>
                {
                    Engine();
                    if (ShouldProcess(archive, $"Publish to the wheelhouse of {EngineRoot}"))
                    {
                        WriteObject(Call((engine, _, token) => ArchiveUpload.PublishAsync(engine.Packages, archive, Force, token)));
                    }
                });
            }
        }
    }
}
