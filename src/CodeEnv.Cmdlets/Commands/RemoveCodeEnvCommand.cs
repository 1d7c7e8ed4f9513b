using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Errors;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Remove-CodeEnv: deletes an environment, its venv and its metadata.</summary>
    [Cmdlet(VerbsCommon.Remove, "CodeEnv", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveCodeEnvCommand : RootCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string Name { get; set; } = "";

        /// <summary>Skips the extra confirmation asked before removing an env whose env.json cannot be read.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            ForItem(Name, () =>
            {
                EnvironmentName.Validate(Name);
                var engine = Engine();
                string? damage = null;
                try
                {
                    engine.Environments.Get(Name);
                }
                catch (CodeEnvException e) when (e.Kind == ErrorKind.InvalidData)
                {
                    damage = e.Message;
                }

                if (!ShouldProcess($"{Name} in {engine.Root.Root}", "Remove CodeEnv environment"))
                {
                    return;
                }

                if (damage != null && !Force && !ShouldContinue(damage + " Remove the environment anyway?", "Remove a damaged environment"))
                {
                    return;
                }

                RunEngine((reporter, token) =>
                {
                    engine.Lifecycle.Remove(Name, reporter, token);
                    return System.Threading.Tasks.Task.FromResult(true);
                });
            });
        }
    }
}
