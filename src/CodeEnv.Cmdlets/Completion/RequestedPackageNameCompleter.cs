using System.Collections;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Operations;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Completion
{
    /// <summary>Completes the package names the env named by -Name requests (-PackageName of Remove-CodeEnvPackage).</summary>
    public sealed class RequestedPackageNameCompleter : RootValueCompleter
    {
        protected override IEnumerable<string> Candidates(RootPaths root, IDictionary boundParameters) =>
            boundParameters["Name"] is string name
                ? Engine(root).Packages.Get(name).Where(p => p.Kind == PackageKind.Requested).Select(p => p.Name)
                : Enumerable.Empty<string>();
    }
}
