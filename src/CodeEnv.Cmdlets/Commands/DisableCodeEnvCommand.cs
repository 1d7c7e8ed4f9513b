using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>
    /// Disable-CodeEnv: archives an env. Its kernel spec goes, nobody may start it, its definition, history and lock stay,
    /// and its venvs are deleted unless -KeepVenv; Enable-CodeEnv brings it back.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Disable, "CodeEnv", SupportsShouldProcess = true)]
    [OutputType(typeof(EnvironmentInfo))]
    public sealed class DisableCodeEnvCommand : RootCmdlet
    {
        /// <summary>The envs: names, or wildcard patterns that stand for every env they match (Get-CodeEnvUnused pipes its Name here).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Keeps the venvs on disk, so Enable-CodeEnv needs no rebuild.</summary>
        [Parameter]
        public SwitchParameter KeepVenv { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            ForEachEnv(Name, name =>
            {
                Engine();
                if (!ShouldProcess(name, KeepVenv ? "Archive, keeping its venv" : "Archive and delete its venvs (its lock stays for the rebuild)"))
                {
                    return;
                }

                var archived = Call((engine, progress, token) => engine.Lifecycle.DisableAsync(name, KeepVenv, progress, token));
                if (PassThru)
                {
                    WriteObject(archived);
                }
            });
        }
    }
}
