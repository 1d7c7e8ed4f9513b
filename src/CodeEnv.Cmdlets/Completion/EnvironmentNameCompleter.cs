using System.Collections;
using System.Collections.Generic;
using CodeEnv.Operations;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Completion
{
    /// <summary>Completes env names (-Name).</summary>
    public sealed class EnvironmentNameCompleter : RootValueCompleter
    {
        protected override IEnumerable<string> Candidates(ICodeEnvEngine engine, IDictionary boundParameters) => Wait(engine.Environments.NamesAsync);
    }
}
