using System.Management.Automation;
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

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string DockerfileFragment { get; set; } = "";

        protected override void ProcessRecord() =>
            ForItem(ConfigName, () =>
            {
                Engine();
                if (ShouldProcess(ConfigName, "Create container config from " + BaseImage))
                {
                    var config = new ContainerConfig { ConfigName = ConfigName, BaseImage = BaseImage, PythonPath = PythonPath, DockerfileFragment = DockerfileFragment };
                    var added = Call((engine, _, token) => engine.Containers.AddAsync(config, token));
                    added.Root = EngineRoot;
                    WriteObject(added);
                }
            });
    }
}
