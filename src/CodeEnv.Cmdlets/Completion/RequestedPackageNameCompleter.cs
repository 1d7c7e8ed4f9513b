using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Operations;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Completion
{
    /// <summary>
    /// Completes the package names the envs named by -Name request (-PackageName of Remove-CodeEnvPackage): of every
    /// env -Name names or, for a wildcard, matches.
    /// </summary>
    public sealed class RequestedPackageNameCompleter : RootValueCompleter
    {
        protected override IEnumerable<string> Candidates(ICodeEnvEngine engine, IDictionary boundParameters)
        {
            var requested = boundParameters["Name"] switch
            {
                string one => new[] { one },
                IEnumerable many => many.Cast<object>().Select(n => n?.ToString() ?? ""),
                _ => Enumerable.Empty<string>(),
            };
            var names = requested.SelectMany(n => WildcardPattern.ContainsWildcardCharacters(n) ? NamePatterns.EnvNamesMatching(Wait(token => engine.Environments.NamesAsync(token)), n) : new[] { n });
            return names.SelectMany(name => Wait(token => engine.Packages.GetAsync(name, token)).Where(p => p.Kind == PackageKind.Requested).Select(p => p.Name));
        }
    }
}
