using System.Linq;
using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Get-CodeEnvLog: the saved output of an env's earlier operations, newest first.</summary>
    [Cmdlet(VerbsCommon.Get, "CodeEnvLog")]
    [OutputType(typeof(LogEntry))]
    public sealed class GetCodeEnvLogCommand : RootCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string Name { get; set; } = "";

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Last { get; set; }

        protected override void ProcessRecord() =>
            ForItem(Name, () =>
            {
                var logs = Engine().Environments.Logs(Name);
                WriteObject(Last == null ? logs : logs.Take(Last.Value), enumerateCollection: true);
            });
    }
}
