using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Get-CodeEnvHistory: every change of an environment's definition, or of the root settings, newest first.</summary>
    [Cmdlet(VerbsCommon.Get, "CodeEnvHistory")]
    [OutputType(typeof(HistoryEntry))]
    public sealed class GetCodeEnvHistoryCommand : RootCmdlet
    {
        /// <summary>The env; without it, the history of the root settings.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string? Name { get; set; }

        protected override void ProcessRecord() =>
            ForItem(Name, () =>
            {
                var service = Engine().History;
                WriteObject(string.IsNullOrEmpty(Name) ? service.GetRoot() : service.Get(Name!), enumerateCollection: true);
            });
    }
}
