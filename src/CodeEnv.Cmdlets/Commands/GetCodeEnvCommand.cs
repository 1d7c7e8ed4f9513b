using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

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

        protected override void ProcessRecord()
        {
            if (ContainerConfig != null)
            {
                // -Name still narrows the list, so both filters can be combined.
                IReadOnlyList<WildcardPattern> patterns = new List<WildcardPattern>();
                IReadOnlyList<(string Name, EnvironmentInfo? Environment, Errors.CodeEnvException? Error)> included = new List<(string, EnvironmentInfo?, Errors.CodeEnvException?)>();
                if (ForItem(Name, () => patterns = (Name ?? new[] { "*" }).Select(NamePatterns.Parse).ToList())
                    && ForItem(ContainerConfig, () => included = Engine().Environments.IncludedIn(ContainerConfig)))
                {
                    // An env that cannot be read may or may not be included: its error says so, instead of a silent gap.
                    foreach (var (name, environment, error) in included.Where(r => patterns.Any(p => p.IsMatch(r.Name))))
                    {
                        ForItem(name, () => WriteObject(environment ?? throw error!));
                    }
                }

                return;
            }

            Operations.IEnvironmentCatalog? service = null;
            // The root comes with each pipeline item, so a root that cannot be read is that item's error, not the call's.
            if (!ForItem(Root, () => service = Engine().Environments))
            {
                return;
            }

            var names = Name ?? new[] { "*" };
            foreach (var requested in names)
            {
                if (WildcardPattern.ContainsWildcardCharacters(requested))
                {
                    // A wildcard that matches nothing is silent, as in Get-ChildItem.
                    IReadOnlyList<(string Name, EnvironmentInfo? Environment, Errors.CodeEnvException? Error)> matches = new List<(string, EnvironmentInfo?, Errors.CodeEnvException?)>();
                    if (!ForItem(requested, () => matches = service!.GetMany(EnvNamesMatching(requested))))
                    {
                        continue;
                    }

                    foreach (var (name, environment, error) in matches)
                    {
                        ForItem(name, () => WriteObject(environment ?? throw error!));
                    }
                }
                else
                {
                    ForItem(requested, () => WriteObject(service!.Get(requested)));
                }
            }
        }
    }
}
