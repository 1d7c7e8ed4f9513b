using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Enable-CodeEnv: brings an archived env back; a deleted venv is rebuilt from its lock, its kernel spec written again.</summary>
    [Cmdlet(VerbsLifecycle.Enable, "CodeEnv", SupportsShouldProcess = true)]
    [OutputType(typeof(EnvironmentInfo))]
    public sealed class EnableCodeEnvCommand : RootCmdlet
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
                if (!ShouldProcess(name, "Bring back from the archive (rebuilding its venv from its lock if it was deleted)"))
                {
                    return;
                }

                var enabled = Call((engine, progress, token) => engine.Lifecycle.EnableAsync(name, progress, token));
                if (PassThru)
                {
                    WriteObject(enabled);
                }
            });
        }
    }
}
