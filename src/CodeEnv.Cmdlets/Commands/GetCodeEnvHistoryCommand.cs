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
        /// <summary>The envs (names, or wildcard patterns); without it, the history of the root settings.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            if (Name == null || Name.Length == 0 || (Name.Length == 1 && string.IsNullOrEmpty(Name[0])))
            {
                ForItem(null, () => WriteObject(Call((engine, _, token) => engine.History.GetRootAsync(token)), enumerateCollection: true));
                return;
            }

            ForEachEnv(Name, name => WriteObject(Call((engine, _, token) => engine.History.GetAsync(name, token)), enumerateCollection: true));
        }
    }
}
