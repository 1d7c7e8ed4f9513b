using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>The root's package store: what it holds, who uses it, and pruning it. See <see cref="StoreService"/>.</summary>
    public interface IStoreService
    {
        /// <summary>Every stored wheel with its size and users; <paramref name="unusedOnly"/> keeps those no env generation uses.</summary>
        [Requires(CallerRequirement.Administrator, "read the package store")]
        Task<IReadOnlyList<StoreItem>> ItemsAsync(bool unusedOnly, CancellationToken cancellation);

        /// <summary>
        /// Removes the stored wheels <paramref name="sha256s"/> that no env generation uses, refusing each other one with
        /// its own error, and with <paramref name="sweep"/> also staging leftovers and trees of wheels no longer stored;
        /// all under the store's exclusive lease, so no install loses a wheel it has chosen.
        /// </summary>
        [Requires(CallerRequirement.Administrator, "remove from the package store")]
        Task<StoreRemoval> RemoveAsync(IReadOnlyList<string> sha256s, bool sweep, IProgress<OperationReport>? progress, CancellationToken cancellation);
    }
}
