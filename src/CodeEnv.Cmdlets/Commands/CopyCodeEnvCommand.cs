using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Copy-CodeEnv: a new env with another env's definition and, with -Locked, its exact installed versions.</summary>
    [Cmdlet(VerbsCommon.Copy, "CodeEnv", SupportsShouldProcess = true)]
    [OutputType(typeof(EnvironmentInfo))]
    public sealed class CopyCodeEnvCommand : RootCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [AllowEmptyString]
        public string NewName { get; set; } = "";

        [Parameter]
        public SwitchParameter Locked { get; set; }

        protected override void ProcessRecord() =>
            ForItem(Name, () =>
            {
                EnvironmentName.Validate(NewName);
                Engine();
                if (ShouldProcess($"{Name} in {EngineRoot}", $"Copy to the new env '{NewName}'" + (Locked ? " with its exact installed versions" : "")))
                {
                    WriteObject(Call((engine, progress, token) => engine.Transfer.CopyAsync(Name, NewName, Locked, progress, token)));
                }
            });
    }
}
