using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>New-CodeEnvContainerConfig: an administrator defines a container image envs can be built into.</summary>
    [Cmdlet(VerbsCommon.New, "CodeEnvContainerConfig", SupportsShouldProcess = true)]
    [OutputType(typeof(ContainerConfig))]
    public sealed class NewCodeEnvContainerConfigCommand : RootCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ConfigName { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string BaseImage { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string PythonPath { get; set; } = "python3";

        /// <summary>Dockerfile lines right after FROM.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string DockerfileAtStart { get; set; } = "";

        /// <summary>Dockerfile lines after the venv and its tooling, before the env's packages.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string DockerfileBeforePackages { get; set; } = "";

        /// <summary>Dockerfile lines after the env's packages are installed.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [Alias("DockerfileAfterPackages")]
        public string DockerfileFragment { get; set; } = "";

        /// <summary>Dockerfile lines at the very end, after the venv is on PATH.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string DockerfileAtEnd { get; set; } = "";

        /// <summary>Lets each env's own Dockerfile lines (Set-CodeEnv -ContainerDockerfile) into its images of this config.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter AllowEnvFragments { get; set; }

        /// <summary>Named, documented Dockerfile additions: NonRootUser, Utf8, Unbuffered.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("RuntimeAdditions")]
        [ArgumentCompleter(typeof(RuntimeAdditionCompleter))]
        public string[] RuntimeAddition { get; set; } = new string[0];

        /// <summary>The registry the images are pushed to by Update-CodeEnvImage -Push (host[:port][/path]).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Registry { get; set; } = "";

        protected override void ProcessRecord() =>
            ForItem(ConfigName, () =>
            {
                Engine();
                if (ShouldProcess(ConfigName, "Create container config from " + BaseImage))
                {
                    var config = new ContainerConfig
                    {
                        ConfigName = ConfigName,
                        BaseImage = BaseImage,
                        PythonPath = PythonPath,
                        DockerfileAtStart = DockerfileAtStart,
                        DockerfileBeforePackages = DockerfileBeforePackages,
                        DockerfileFragment = DockerfileFragment,
                        DockerfileAtEnd = DockerfileAtEnd,
                        Registry = Registry,
                        AllowEnvFragments = AllowEnvFragments,
                        RuntimeAdditions = new System.Collections.Generic.List<string>(RuntimeAddition),
                    };
                    var added = Call((engine, _, token) => engine.Containers.AddAsync(config, token));
                    added.Root = EngineRoot;
                    WriteObject(added);
                }
            });
    }
}
