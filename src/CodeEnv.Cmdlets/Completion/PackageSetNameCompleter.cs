using System.Collections;
using System.Collections.Generic;
using CodeEnv.Operations;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Completion
{
    /// <summary>Completes the root's package set names (-SetName).</summary>
    public sealed class PackageSetNameCompleter : RootValueCompleter
    {
        protected override IEnumerable<string> Candidates(ICodeEnvEngine engine, IDictionary boundParameters) => Wait(engine.Root.SettingsAsync).PackageSets.Keys;
    }
}
