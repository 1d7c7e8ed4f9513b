using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Completion
{
    /// <summary>
    /// What every completer of names in a root shares: the root the command line names (-Root) or the default one,
    /// prefix matching in any letter case, quoting of values with spaces, and never an error while the user types (a
    /// root that cannot be read, or a service that does not answer, offers nothing). The engine is the cmdlets' own
    /// (<see cref="EngineFactory"/>): on a served root the service answers, as it would the command.
    /// </summary>
    public abstract class RootValueCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var root = RootLocator.ForThisMachine().Resolve(fakeBoundParameters["Root"] as string);
                var pattern = new WildcardPattern(WildcardPattern.Escape((wordToComplete ?? "").Trim('\'', '"')) + "*", WildcardOptions.IgnoreCase);
                using var engine = EngineFactory.For(root);
                return Candidates(engine, fakeBoundParameters)
                    .Where(pattern.IsMatch)
                    .Distinct(System.StringComparer.OrdinalIgnoreCase)
                    .Select(value => new CompletionResult(Quoted(value), value, CompletionResultType.ParameterValue, value))
                    .ToList();
            }
            catch (CodeEnvException)
            {
                return Enumerable.Empty<CompletionResult>();
            }
            catch (System.IO.IOException)
            {
                return Enumerable.Empty<CompletionResult>();
            }
            catch (System.UnauthorizedAccessException)
            {
                return Enumerable.Empty<CompletionResult>();
            }
        }

        /// <summary>The values to offer; <paramref name="boundParameters"/> holds what the command line has bound so far (such as -Name).</summary>
        protected abstract IEnumerable<string> Candidates(ICodeEnvEngine engine, IDictionary boundParameters);

        /// <summary>The result of one operation of the contract; a completer answers while the user waits, so it waits for it here.</summary>
        protected static T Wait<T>(System.Func<CancellationToken, Task<T>> operation) => operation(CancellationToken.None).GetAwaiter().GetResult();

        private static string Quoted(string value) =>
            value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', ',' }) < 0 ? value : "'" + value.Replace("'", "''") + "'";
    }
}
