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
        protected override IEnumerable<string> Candidates(RootPaths root, IDictionary boundParameters) =>
            boundParameters["Name"] is string name
                ? Engine(root).History.Get(name).Select(h => h.Revision.ToString(CultureInfo.InvariantCulture))
                : Enumerable.Empty<string>();
    }
}
