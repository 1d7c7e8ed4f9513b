using System.Linq;
using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Get-CodeEnvImage: the images built of envs, each with whether it still reproduces its env.</summary>
    [Cmdlet(VerbsCommon.Get, "CodeEnvImage")]
    [OutputType(typeof(ContainerImage))]
    public sealed class GetCodeEnvImageCommand : RootCmdlet
    {
        /// <summary>The envs: names, or wildcard patterns; every env when not given.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = { "*" };

        /// <summary>Only the images of these container configs.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ContainerConfigNameCompleter))]
        public string[] ContainerConfig { get; set; } = new string[0];

        /// <summary>Only the images that no longer reproduce their env (the env, its config or its base image changed).</summary>
        [Parameter]
        public SwitchParameter Outdated { get; set; }

        protected override void ProcessRecord()
        {
            ForEachEnv(Name, name =>
            {
                foreach (var image in Call((engine, _, token) => engine.Containers.ImagesAsync(name, token)))
                {
                    if ((ContainerConfig.Length == 0 || ContainerConfig.Any(c => string.Equals(c, image.ConfigName, System.StringComparison.OrdinalIgnoreCase)))
                        && (!Outdated || image.Status == "Outdated"))
                    {
                        image.Root = EngineRoot;
                        WriteObject(image);
                    }
                }
            });
        }
    }
}
