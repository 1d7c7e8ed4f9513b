using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CodeEnv.Operations;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Infrastructure
{
    /// <summary>Completes env names from the root the command line names (-Root) or the default root.</summary>
    public sealed class EnvironmentNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var root = fakeBoundParameters["Root"] as string;
                var names = new EnvironmentStore(RootLocator.ForThisMachine().Resolve(root)).Names();
                var pattern = new WildcardPattern((wordToComplete ?? "").Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
                return names.Where(pattern.IsMatch).Select(n => new CompletionResult(n)).ToList();
            }
            catch (System.Exception)
            {
                // Completion must never throw at the user while they type.
                return Enumerable.Empty<CompletionResult>();
            }
        }
    }
}
