using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Restore-CodeEnv: brings an earlier definition back as a new revision, and its venv: a kept one by a switch, else rebuilt exactly.</summary>
    [Cmdlet(VerbsData.Restore, "CodeEnv", SupportsShouldProcess = true)]
    [OutputType(typeof(EnvironmentInfo))]
    public sealed class RestoreCodeEnvCommand : RootCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(RevisionCompleter))]
        public int Revision { get; set; }

        /// <summary>Only the definition comes back; Update-CodeEnv installs it later.</summary>
        [Parameter]
        public SwitchParameter DefinitionOnly { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Restores even a revision whose Python version or packages break declared consumers (EnvironmentHasConsumers otherwise).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            ForItem(Name, () =>
            {
                Engine();
                if (!ShouldProcess(Name, DefinitionOnly ? $"Restore the definition of revision {Revision}" : $"Restore revision {Revision} and its venv"))
                {
                    return;
                }

                var restored = Call((engine, progress, token) => engine.History.RestoreAsync(Name, Revision, DefinitionOnly, Force, progress, token));
                if (PassThru)
                {
                    WriteObject(restored);
                }
            });
        }
    }
}
