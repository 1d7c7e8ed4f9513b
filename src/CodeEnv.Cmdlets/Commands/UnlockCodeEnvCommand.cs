using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Unlock-CodeEnv: lifts the freeze Lock-CodeEnv set, so the env takes changes again.</summary>
    [Cmdlet(VerbsCommon.Unlock, "CodeEnv", SupportsShouldProcess = true)]
    [OutputType(typeof(EnvironmentInfo))]
    public sealed class UnlockCodeEnvCommand : RootCmdlet
    {
        /// <summary>The envs: names, or wildcard patterns that stand for every env they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            ForEachEnv(Name, name =>
            {
                Engine();
                if (!ShouldProcess(name, "Unfreeze"))
                {
                    return;
                }

                var unfrozen = Call((engine, progress, token) => engine.History.UnlockAsync(name, progress, token));
                if (PassThru)
                {
                    WriteObject(unfrozen);
                }
            });
        }
    }
}
