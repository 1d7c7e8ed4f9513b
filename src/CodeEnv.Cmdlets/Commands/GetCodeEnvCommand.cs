using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Operations;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Get-CodeEnv: the environments of the root, all or by name (wildcards allowed).</summary>
    [Cmdlet(VerbsCommon.Get, "CodeEnv")]
    [OutputType(typeof(EnvironmentInfo))]
    public sealed class GetCodeEnvCommand : RootCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only the envs this container config includes.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContainerConfigNameCompleter))]
        public string? ContainerConfig { get; set; }

        /// <summary>Also the archived envs a wildcard matches (Disable-CodeEnv); an env asked for by its exact name is shown anyway.</summary>
        [Parameter]
        public SwitchParameter IncludeArchived { get; set; }

        protected override void ProcessRecord()
        {
            if (ContainerConfig != null)
            {
                // -Name still narrows the list, so both filters can be combined.
                IReadOnlyList<WildcardPattern> patterns = new List<WildcardPattern>();
                IReadOnlyList<EnvironmentResult> included = new List<EnvironmentResult>();
                if (ForItem(Name, () => patterns = (Name ?? new[] { "*" }).Select(NamePatterns.Parse).ToList())
                    && ForItem(ContainerConfig, () => included = Call((engine, _, token) => engine.Environments.IncludedInAsync(ContainerConfig, token))))
                {
                    // An env that cannot be read may or may not be included: its error says so, instead of a silent gap.
                    foreach (var result in included.Where(r => patterns.Any(p => p.IsMatch(r.Name)) && Listed(r)))
                    {
                        WriteResult(result);
                    }
                }

                return;
            }

            // The root comes with each pipeline item, so a root that cannot be read is that item's error, not the call's.
            if (!ForItem(Root, () => Engine()))
            {
                return;
            }

            var names = Name ?? new[] { "*" };
            foreach (var requested in names)
            {
                if (WildcardPattern.ContainsWildcardCharacters(requested))
                {
                    // A wildcard that matches nothing is silent, as in Get-ChildItem.
                    IReadOnlyList<EnvironmentResult> matches = new List<EnvironmentResult>();
                    if (!ForItem(requested, () => matches = Call((engine, _, token) => engine.Environments.GetManyAsync(EnvNamesMatching(requested), token))))
                    {
                        continue;
                    }

                    foreach (var result in matches.Where(Listed))
                    {
                        WriteResult(result);
                    }
                }
                else
                {
                    ForItem(requested, () => WriteObject(Call((engine, _, token) => engine.Environments.GetAsync(requested, token))));
                }
            }
        }

        // Archived envs are retired: a listing shows them only when asked, so pipelines such as Where-Object NeedsUpdate | Update-CodeEnv pass them by.
        private bool Listed(EnvironmentResult result) => IncludeArchived || result.Environment?.Archived != true;

        // An env that cannot be read is its own error, instead of a silent gap.
        private void WriteResult(EnvironmentResult result) => ForItem(result.Name, () => WriteObject(result.Environment ?? throw result.Error!.ToException()));
    }
}
