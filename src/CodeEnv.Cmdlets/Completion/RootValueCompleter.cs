using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Completion
{
    /// <summary>
    /// What every completer of names in a root shares: the root the command line names (-Root) or the default one,
    /// prefix matching in any letter case, quoting of values with spaces, and never an exception while the user types.
    /// </summary>
    public abstract class RootValueCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var root = RootLocator.ForThisMachine().Resolve(fakeBoundParameters["Root"] as string);
                var pattern = new WildcardPattern(WildcardPattern.Escape((wordToComplete ?? "").Trim('\'', '"')) + "*", WildcardOptions.IgnoreCase);
                return Candidates(root, fakeBoundParameters)
                    .Where(pattern.IsMatch)
                    .Distinct(System.StringComparer.OrdinalIgnoreCase)
                    .Select(value => new CompletionResult(Quoted(value), value, CompletionResultType.ParameterValue, value))
                    .ToList();
            }
            catch (System.Exception)
            {
                return Enumerable.Empty<CompletionResult>();
            }
        }

        /// <summary>The values to offer; <paramref name="boundParameters"/> holds what the command line has bound so far (such as -Name).</summary>
        protected abstract IEnumerable<string> Candidates(RootPaths root, IDictionary boundParameters);

        /// <summary>The engine of the root being completed, as the OS user typing.</summary>
        protected static Operations.CodeEnvEngine Engine(RootPaths root) => new Operations.CodeEnvEngine(root.Root, Security.OsIdentityProvider.Instance, SystemClock.Instance);

        private static string Quoted(string value) =>
            value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', ',' }) < 0 ? value : "'" + value.Replace("'", "''") + "'";
    }
}
