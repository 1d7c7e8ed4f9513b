using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Lock-CodeEnv: freezes an env at a revision; its content changes are refused until Unlock-CodeEnv.</summary>
    [Cmdlet(VerbsCommon.Lock, "CodeEnv", SupportsShouldProcess = true)]
    [OutputType(typeof(EnvironmentInfo))]
    public sealed class LockCodeEnvCommand : RootCmdlet
    {
        /// <summary>The envs: names, or wildcard patterns that stand for every env they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>The revision to freeze at; by default the current one. An earlier one is restored first.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(RevisionCompleter))]
        public int? Revision { get; set; }

        /// <summary>Why, shown in every refusal while the freeze holds.</summary>
        [Parameter]
        [ValidateLength(0, 500)]
        public string? Reason { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            ForEachEnv(Name, name =>
            {
                Engine();
                if (!ShouldProcess(name, Revision == null ? "Freeze at its current revision" : $"Freeze at revision {Revision} (restoring it first if it is an earlier one)"))
                {
                    return;
                }

                var frozen = Call((engine, progress, token) => engine.History.LockAsync(name, Revision, Reason, progress, token));
                if (PassThru)
                {
                    WriteObject(frozen);
                }
            });
        }
    }
}
