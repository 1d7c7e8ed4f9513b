using System.Management.Automation;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>
    /// Get-CodeEnvStore: every wheel in the root's package store, with its size and the env generations that use it
    /// (administrators). The sizes count each file once across the listing, so Measure-Object SizeBytes -Sum is the
    /// bytes the store's wheels hold.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CodeEnvStore")]
    [OutputType(typeof(StoreItem))]
    public sealed class GetCodeEnvStoreCommand : RootCmdlet
    {
        /// <summary>Only the wheels no env generation uses: what Remove-CodeEnvStoreItem may remove.</summary>
        [Parameter]
        public SwitchParameter Unused { get; set; }

        protected override void ProcessRecord()
        {
            ForItem(null, () => WriteObject(Call((engine, _, token) => engine.Store.ItemsAsync(Unused, token)), enumerateCollection: true));
        }
    }
}
