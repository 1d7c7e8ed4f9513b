using System.Collections;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Operations;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Completion
{
    /// <summary>Completes the root's container config names (-ConfigName, -ContainerConfig).</summary>
    public sealed class ContainerConfigNameCompleter : RootValueCompleter
    {
        protected override IEnumerable<string> Candidates(ICodeEnvEngine engine, IDictionary boundParameters) =>
            Wait(engine.Root.SettingsAsync).ContainerConfigs;
    }
}
