using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>
    /// Remove-CodeEnvConsumer: forgets a declared consumer of an env. Its declarer may remove it, and so may whoever owns
    /// the env. Takes Get-CodeEnvUsage -Declared's objects from the pipeline.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "CodeEnvConsumer", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class RemoveCodeEnvConsumerCommand : RootCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public ConsumerKind Kind { get; set; }

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        protected override void ProcessRecord()
        {
            ForItem(Name, () =>
            {
                Engine();
                if (!ShouldProcess(Name, $"Remove the declared consumer {Kind} '{Id}'"))
                {
                    return;
                }

                Call((engine, progress, token) => engine.Usages.RemoveConsumerAsync(Name, Kind, Id, progress, token));
            });
        }
    }
}
