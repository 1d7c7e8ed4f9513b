using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CodeEnv.Operations;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Completion
{
    /// <summary>Completes the revisions of the env named by -Name, newest first (-Revision of Restore-CodeEnv).</summary>
    public sealed class RevisionCompleter : RootValueCompleter
    {
        protected override IEnumerable<string> Candidates(ICodeEnvEngine engine, IDictionary boundParameters) =>
            boundParameters["Name"] is string name
                ? Wait(token => engine.History.GetAsync(name, token)).Select(h => h.Revision.ToString(CultureInfo.InvariantCulture))
                : Enumerable.Empty<string>();
    }
}
