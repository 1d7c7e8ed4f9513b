using System.Collections.Generic;
using System.Management.Automation;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>
    /// Remove-CodeEnvStoreItem: removes wheels from the root's package store (administrators), taking Get-CodeEnvStore's
    /// items from the pipeline, and sweeps what interrupted work left in the store. A wheel an env generation uses is
    /// refused, one error each, naming its users. The wheels confirmed one by one (ShouldProcess) are removed together
    /// at the end, in one prune under the store's exclusive lease: it waits for installs that hold the lease, and decides
    /// from the records they wrote, so no install loses a wheel it has chosen.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "CodeEnvStoreItem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class RemoveCodeEnvStoreItemCommand : RootCmdlet
    {
        private readonly List<string> confirmed = new List<string>();
        private string? root;

        /// <summary>The sha256 of each stored wheel to remove, as Get-CodeEnvStore gives it.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidatePattern("^[0-9a-fA-F]{64}$")]
        public string[] Sha256 { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            string? here = null;
            Terminating(Root, () => here = ResolveRoot().Root);
            if (root != null && root != here && confirmed.Count > 0)
            {
                // Items of another root arrived: one prune per root, as each has its own store and lease.
                var next = Root;
                Root = root;
                Flush();
                Root = next;
            }

            root = here;
            foreach (var sha256 in Sha256)
            {
                if (ShouldProcess($"{sha256} in the package store of {here}", "Remove stored wheel"))
                {
                    confirmed.Add(sha256.ToLowerInvariant());
                }
            }
        }

        protected override void EndProcessing() => Flush();

        private void Flush()
        {
            var sweep = ShouldProcess($"the package store of {EngineRoot}", $"Sweep staging leftovers older than 1 hour and trees of wheels no longer stored");
            if (confirmed.Count == 0 && !sweep)
            {
                return;
            }

            var items = confirmed.ToArray();
            confirmed.Clear();
            ForItem(EngineRoot, () =>
            {
                var removal = Call((engine, progress, token) => engine.Store.RemoveAsync(items, sweep, progress, token));
                foreach (var refusal in removal.Refused)
                {
                    WriteError(ErrorRecords.From(refusal.ToException()));
                }
            });
        }
    }
}
