using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Remove-CodeEnvContainerConfig: removes a container config; -Force also drops it from the envs that select it.</summary>
    [Cmdlet(VerbsCommon.Remove, "CodeEnvContainerConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveCodeEnvContainerConfigCommand : RootCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContainerConfigNameCompleter))]
        public string ConfigName { get; set; } = "";

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord() =>
            ForItem(ConfigName, () =>
            {
                Engine();
                if (ShouldProcess(ConfigName, Force ? "Remove container config and drop it from the envs that select it" : "Remove container config"))
                {
                    Call((engine, progress, token) => engine.Containers.RemoveAsync(ConfigName, Force, progress, token));
                }
            });
    }
}
