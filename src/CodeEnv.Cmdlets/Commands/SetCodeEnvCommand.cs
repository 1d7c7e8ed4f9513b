using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Operations;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Set-CodeEnv: changes an environment's description, owner, usable-by-all flag or Jupyter support as a new revision.</summary>
    [Cmdlet(VerbsCommon.Set, "CodeEnv", SupportsShouldProcess = true)]
    [OutputType(typeof(EnvironmentInfo))]
    public sealed class SetCodeEnvCommand : RootCmdlet
    {
        /// <summary>The envs: names, or wildcard patterns that stand for every env they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [ValidateNotNull]
        public string? Description { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Owner { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public bool UsableByAll { get; set; }

        /// <summary>Adds (or drops) the Jupyter kernel package among the env's base packages; the env becomes Outdated.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public bool JupyterSupport { get; set; }

        /// <summary>Which container configs include the env: None, All or Selected (with -ContainerConfig).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ContainerSelectionMode? ContainerSelection { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ContainerConfigNameCompleter))]
        public string[] ContainerConfig { get; set; } = new string[0];

        /// <summary>The env's own Dockerfile lines, such as @{ BeforePackages = 'RUN apt-get install -y libgomp1' }; used by the configs that allow them.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DockerfileFragments? ContainerDockerfile { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            ForEachEnv(Name, name =>
            {
                Engine();
                if (!ShouldProcess(name, "Set CodeEnv environment"))
                {
                    return;
                }

                var change = new EnvironmentSettingsChange
                {
                    Description = Description,
                    Owner = Owner,
                    UsableByAll = MyInvocation.BoundParameters.ContainsKey(nameof(UsableByAll)) ? UsableByAll : (bool?)null,
                    JupyterSupport = MyInvocation.BoundParameters.ContainsKey(nameof(JupyterSupport)) ? JupyterSupport : (bool?)null,
                    ContainerSelection = ContainerSelection,
                    ContainerConfigs = ContainerConfig,
                    ContainerDockerfile = ContainerDockerfile,
                };
                var changed = Call((engine, progress, token) => engine.Lifecycle.SetAsync(name, change, progress, token));

                if (PassThru)
                {
                    WriteObject(changed);
                }
            });
        }
    }
}
