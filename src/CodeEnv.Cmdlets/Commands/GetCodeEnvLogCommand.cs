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
        /// <summary>The envs: names, or wildcard patterns that stand for every env they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Last { get; set; }

        protected override void ProcessRecord() =>
            ForEachEnv(Name, name =>
            {
                var logs = Call((engine, _, token) => engine.Environments.LogsAsync(name, token));
                WriteObject(Last == null ? logs : logs.Take(Last.Value), enumerateCollection: true);
            });
    }
}
