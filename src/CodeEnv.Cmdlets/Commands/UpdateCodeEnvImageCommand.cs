using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Update-CodeEnvImage: builds (and pushes) an env's image for each container config that includes it, where no current one is.</summary>
    [Cmdlet(VerbsData.Update, "CodeEnvImage", SupportsShouldProcess = true)]
    [OutputType(typeof(ContainerImage))]
    public sealed class UpdateCodeEnvImageCommand : RootCmdlet
    {
        /// <summary>The envs: names, or wildcard patterns that stand for every env they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>The container configs to build for; every config that includes the env when not given.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContainerConfigNameCompleter))]
        public string[] ContainerConfig { get; set; } = new string[0];

        /// <summary>Push each image to its config's registry and record the digest the registry gives it.</summary>
        [Parameter]
        public SwitchParameter Push { get; set; }

        /// <summary>Build again even where the recorded image still reproduces the env.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The build's network: none by default, since the build context holds every archive the env needs.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Network { get; set; } = "none";

        protected override void ProcessRecord()
        {
            ForEachEnv(Name, name =>
            {
                Engine();
                var configs = ContainerConfig.Length == 0 ? "every container config that includes it" : "the container config(s) " + string.Join(", ", ContainerConfig);
                if (!ShouldProcess(name, $"Build the image for {configs}" + (Push ? " and push it" : "")))
                {
                    return;
                }

                foreach (var image in Call((engine, progress, token) => engine.Containers.BuildImagesAsync(name, ContainerConfig, Push, Force, Network, progress, token)))
                {
                    image.Root = EngineRoot;
                    WriteObject(image);
                }
            });
        }
    }
}
