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
        protected override IEnumerable<string> Candidates(RootPaths root, IDictionary boundParameters)
        {
            var engine = Engine(root);
            var requested = boundParameters["Name"] switch
            {
                string one => new[] { one },
                IEnumerable many => many.Cast<object>().Select(n => n?.ToString() ?? ""),
                _ => Enumerable.Empty<string>(),
            };
            var names = requested.SelectMany(n => WildcardPattern.ContainsWildcardCharacters(n) ? NamePatterns.EnvNamesMatching(engine.Environments, n) : new[] { n });
            return names.SelectMany(name => engine.Packages.Get(name).Where(p => p.Kind == PackageKind.Requested).Select(p => p.Name));
        }
    }
}
