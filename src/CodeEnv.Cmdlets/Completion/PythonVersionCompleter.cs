using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using CodeEnv.Python;

namespace CodeEnv.Cmdlets.Completion
{
    /// <summary>Completes Python versions, major.minor and full, from the interpreters discovered on this machine.</summary>
    public sealed class PythonVersionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var found = InterpreterDiscovery.ForThisMachine(System.Array.Empty<string>()).DiscoverAsync(CancellationToken.None).GetAwaiter().GetResult();
                var versions = found.Where(i => i.SupportsVenv)
                    .SelectMany(i => new[] { InterpreterSelector.ShortVersion(i), i.Version.ToString() })
                    .Distinct()
                    .Where(v => v.StartsWith(wordToComplete ?? "", System.StringComparison.Ordinal));
                return versions.Select(v => new CompletionResult(v)).ToList();
            }
            catch (System.Exception)
            {
                return Enumerable.Empty<CompletionResult>();
            }
        }
    }
}
