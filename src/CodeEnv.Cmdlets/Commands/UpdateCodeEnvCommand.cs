using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Operations;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Update-CodeEnv: installs an env's base and requested packages with pip, or does nothing when they are already met.</summary>
    [Cmdlet(VerbsData.Update, "CodeEnv", SupportsShouldProcess = true)]
    [OutputType(typeof(EnvironmentInfo))]
    public sealed class UpdateCodeEnvCommand : RootCmdlet
    {
        /// <summary>The envs: names, or wildcard patterns that stand for every env they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        [Parameter]
        public SwitchParameter Upgrade { get; set; }

        [Parameter]
        public SwitchParameter Rebuild { get; set; }

        [Parameter]
        public SwitchParameter Sync { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            ForEachEnv(Name, name =>
            {
                Engine();
                var what = Rebuild ? "Rebuild the venv and install the packages" : Upgrade ? "Upgrade the packages" : "Install the packages";
                if (!ShouldProcess(name, what + (Sync ? ", removing what is not needed" : "")))
                {
                    return;
                }

                var options = new UpdateOptions { Upgrade = Upgrade, Rebuild = Rebuild, Sync = Sync };
                var updated = Call((engine, progress, token) => engine.Lifecycle.UpdateAsync(name, options, progress, token));
                if (PassThru)
                {
                    WriteObject(updated);
                }
            });
        }
    }
}
