using System.Collections.Generic;
using CodeEnv.Errors;

namespace CodeEnv
{
    /// <summary>What one prune of the package store did: the wheels it removed, the ones it refused and why, and what it swept.</summary>
    public sealed class StoreRemoval
    {
        public StoreRemoval(IEnumerable<StoreItem> removed, IEnumerable<ErrorData> refused, int sweptStaging, int sweptOrphans, long removedBytes)
        {
            Removed = new ItemList<StoreItem>(removed);
            Refused = new ItemList<ErrorData>(refused);
            SweptStaging = sweptStaging;
            SweptOrphans = sweptOrphans;
            RemovedBytes = removedBytes;
        }

        public ItemList<StoreItem> Removed { get; }

        /// <summary>One error per wheel that was asked for and stays: in use (StoredWheelInUse), or not in the store.</summary>
        public ItemList<ErrorData> Refused { get; }

        /// <summary>Staging folders (store/tmp) old enough to be leftovers of an add, unpack or compile that never finished.</summary>
        public int SweptStaging { get; }

        /// <summary>Trees and compiled modules whose wheel is no longer in the store.</summary>
        public int SweptOrphans { get; }

        /// <summary>The bytes of everything removed and swept, each file counted once.</summary>
        public long RemovedBytes { get; }
    }
}
