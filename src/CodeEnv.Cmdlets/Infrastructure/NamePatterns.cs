using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CodeEnv.Errors;
using CodeEnv.Operations;

namespace CodeEnv.Cmdlets.Infrastructure
{
    /// <summary>
    /// How a name given with wildcards matches: in any letter case, as PowerShell's own cmdlets match. Every parameter
    /// that takes wildcards (env names, package names, package set and container config names) and every completer
    /// that reads such a parameter matches through here.
    /// </summary>
    internal static class NamePatterns
    {
        /// <summary>
        /// The pattern, checked: one PowerShell cannot read (such as an unclosed '[') is an InvalidArgument error that
        /// says how to write one, never PowerShell's exception from the first match.
        /// </summary>
        public static WildcardPattern Parse(string pattern)
        {
            var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
            try
            {
                wildcard.IsMatch("");
            }
            catch (WildcardPatternException e)
            {
                throw new CodeEnvException(
                    ErrorIds.WildcardPatternInvalid,
                    $"'{pattern}' is not a valid wildcard pattern ({e.Message.TrimEnd('.')}). Use * for any characters, ? for one, and [a-c] for one of a set; close every '['.",
                    pattern,
                    e);
            }

            return wildcard;
        }

        /// <summary>The names of the envs a wildcard pattern matches; what Get-CodeEnv lists for it.</summary>
        public static IReadOnlyList<string> EnvNamesMatching(IEnumerable<string> names, string pattern)
        {
            var wildcard = Parse(pattern);
            return names.Where(wildcard.IsMatch).ToList();
        }
    }
}
