using System.Collections;
using System.Collections.Generic;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Completion
{
    /// <summary>Completes env names (-Name).</summary>
    public sealed class EnvironmentNameCompleter : RootValueCompleter
    {
        protected override IEnumerable<string> Candidates(RootPaths root, IDictionary boundParameters) => Engine(root).Environments.Names();
    }
}
