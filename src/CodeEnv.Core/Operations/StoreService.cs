using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Retention;
using CodeEnv.Security;
using CodeEnv.Store;
using CodeEnv.Wheels;

namespace CodeEnv.Operations
{
    /// <summary>
    /// The package store as administrators see it: what it holds and who uses each wheel (<see cref="StoreInventory"/>,
    /// <see cref="StoreUsage"/>), and a prune that removes what nothing uses (<see cref="StorePrune"/>). Both are for
    /// administrators: the listing names every env and generation of the root, which not every user may see.
    /// </summary>
    public sealed class StoreService : IStoreService
    {
        private readonly EngineContext context;

        internal StoreService(EngineContext context)
        {
            this.context = context;
        }

        public Task<IReadOnlyList<StoreItem>> ItemsAsync(bool unusedOnly, CancellationToken cancellation) =>
            Task.Run<IReadOnlyList<StoreItem>>(() =>
            {
                AccessPolicy.RequireAdministrator(context.Settings(), context.Caller, "read the package store");
                var items = StoreInventory.Read(new PackageStore(context.Paths), StoreUsage.Read(context.Paths), context.Paths.Root);
                return unusedOnly ? items.Where(i => !i.InUse).ToList() : items;
            }, cancellation);

        public Task<StoreRemoval> RemoveAsync(IReadOnlyList<string> sha256s, bool sweep, IProgress<OperationReport>? progress, CancellationToken cancellation) =>
            Task.Run(() =>
            {
                var settings = context.Settings();
                var caller = context.Caller;
                AccessPolicy.RequireAdministrator(settings, caller, "remove from the package store");
                return StorePrune.Run(
                    new PackageStore(context.Paths),
                    context.Paths,
                    sha256s,
                    sweep,
                    LockHolder.ThisProcess("Remove-CodeEnvStoreItem", caller.UserName, context.Clock.UtcNow),
                    EngineContext.LockTimeout(settings),
                    context.Clock.UtcNow,
                    cancellation,
                    ProgressReporter.For(progress));
            }, cancellation);
    }
}
