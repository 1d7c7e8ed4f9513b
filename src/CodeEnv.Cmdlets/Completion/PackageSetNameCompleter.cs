using System.Collections;
using System.Collections.Generic;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Completion
{
    /// <summary>Completes the root's package set names (-SetName).</summary>
    public sealed class PackageSetNameCompleter : RootValueCompleter
    {
        protected override IEnumerable<string> Candidates(RootPaths root, IDictionary boundParameters) => Engine(root).Root.Settings().PackageSets.Keys;
    }
}
