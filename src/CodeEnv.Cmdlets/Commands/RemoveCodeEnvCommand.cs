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
        /// <summary>The envs: names, or wildcard patterns that stand for every env they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>
        /// Removes an env that has declared consumers (refused with EnvironmentHasConsumers otherwise), and skips the extra
        /// confirmation asked before removing an env whose env.json cannot be read.
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            ForEachEnv(Name, name =>
            {
                string? damage = null;
                try
                {
                    Call((engine, _, token) => engine.Environments.GetAsync(name, token));
                }
                catch (CodeEnvException e) when (e.Kind == ErrorKind.InvalidData)
                {
                    damage = e.Message;
                }

                var consumers = damage == null ? DeclaredConsumers(name) : new EnvironmentConsumer[0];
                if (!ShouldProcess($"{name} in {EngineRoot}", "Remove CodeEnv environment" + ConsumerNotes.Of(consumers, Force)))
                {
                    return;
                }

                if (damage != null && !Force && !ShouldContinue(damage + " Remove the environment anyway?", "Remove a damaged environment"))
                {
                    return;
                }

                Call((engine, progress, token) => engine.Lifecycle.RemoveAsync(name, Force, progress, token));
            });
        }
    }
}
