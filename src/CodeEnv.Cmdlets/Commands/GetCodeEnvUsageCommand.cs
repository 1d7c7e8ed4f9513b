using System.Collections.Generic;
using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Errors;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>
    /// Get-CodeEnvUsage: who uses an env, or every env of the root: its declared consumers (EnvironmentConsumer), then the
    /// uses CodeEnv recorded when it started the env's python (EnvironmentUsage, newest first). A wildcard leaves out the
    /// envs the caller may not use, as a listing of what they hold.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CodeEnvUsage", DefaultParameterSetName = All)]
    [OutputType(typeof(EnvironmentConsumer), typeof(EnvironmentUsage))]
    public sealed class GetCodeEnvUsageCommand : RootCmdlet
    {
        private const string All = "All";
        private const string OnlyDeclared = "Declared";
        private const string OnlyRecorded = "Recorded";

        /// <summary>The envs: names, or wildcard patterns that stand for every env they match; every env of the root when not given.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = new[] { "*" };

        /// <summary>Only the declared consumers (what pipes into Remove-CodeEnvConsumer).</summary>
        [Parameter(Mandatory = true, ParameterSetName = OnlyDeclared)]
        public SwitchParameter Declared { get; set; }

        /// <summary>Only the recorded usages.</summary>
        [Parameter(Mandatory = true, ParameterSetName = OnlyRecorded)]
        public SwitchParameter Recorded { get; set; }

        protected override void ProcessRecord()
        {
            var literal = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var value in Name)
            {
                if (!WildcardPattern.ContainsWildcardCharacters(value))
                {
                    literal.Add(value);
                }
            }

            ForEachEnv(Name, name =>
            {
                try
                {
                    if (!Recorded)
                    {
                        WriteObject(Call((engine, _, token) => engine.Usages.ConsumersAsync(name, token)), enumerateCollection: true);
                    }

                    if (!Declared)
                    {
                        WriteObject(Call((engine, _, token) => engine.Usages.UsagesAsync(name, token)), enumerateCollection: true);
                    }
                }
                catch (CodeEnvException e) when (e.Kind == ErrorKind.PermissionDenied && !literal.Contains(name))
                {
                    WriteVerbose($"Skipped '{name}': {e.Message}");
                }
            });
        }
    }
}
