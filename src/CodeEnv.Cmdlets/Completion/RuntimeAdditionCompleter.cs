using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CodeEnv.Containers;

namespace CodeEnv.Cmdlets.Completion
{
    /// <summary>Completes the names of the runtime additions (-RuntimeAddition), each with what it does as its tooltip.</summary>
    public sealed class RuntimeAdditionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            RuntimeAdditions.All
                .Where(a => a.Name.StartsWith(wordToComplete ?? "", System.StringComparison.OrdinalIgnoreCase))
                .Select(a => new CompletionResult(a.Name, a.Name, CompletionResultType.ParameterValue, a.Description))
                .ToList();
    }
}
