using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Restore-CodeEnv: brings an earlier definition back as a new revision.</summary>
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

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            ForItem(Name, () =>
            {
                var service = Engine().History;
                if (!ShouldProcess(Name, $"Restore the definition of revision {Revision}"))
                {
                    return;
                }

                var restored = RunEngine((reporter, token) => System.Threading.Tasks.Task.FromResult(service.Restore(Name, Revision, reporter, token)));
                if (PassThru)
                {
                    WriteObject(restored);
                }
            });
        }
    }
}
