using System.Collections.Generic;
using CodeEnv.Errors;

namespace CodeEnv.Service
{
    /// <summary>
    /// What each user holds of the service at this moment (connections, running operations) against the limits, by the
    /// uid the kernel gave each connection. A user at a limit is refused at once; nobody else is slowed.
    /// </summary>
    internal sealed class CallerQuotas
    {
        private readonly object gate = new object();
        private readonly Dictionary<uint, Held> users = new Dictionary<uint, Held>();
        private readonly ServiceLimits limits;
        private readonly string root;
        private int connections;

        public CallerQuotas(ServiceLimits limits, string root)
        {
            this.limits = limits;
            this.root = root;
        }

        /// <summary>Admits one more connection of <paramref name="uid"/>, or says why not (nothing is then held).</summary>
        public CodeEnvException? OpenConnection(uint uid)
        {
            lock (gate)
            {
                var held = Of(uid);
                if (held.Connections >= limits.EffectiveMaxConnectionsPerUser)
                {
                    return ServiceLimitErrors.TooManyConnectionsOfUser(root, limits.EffectiveMaxConnectionsPerUser);
                }

                if (connections >= limits.EffectiveMaxConnections)
                {
                    return ServiceLimitErrors.ServiceBusy(root, limits.EffectiveMaxConnections);
                }

                held.Connections++;
                connections++;
                return null;
            }
        }

        public void CloseConnection(uint uid)
        {
            lock (gate)
            {
                var held = Of(uid);
                held.Connections--;
                connections--;
                Forget(uid, held);
            }
        }

        /// <summary>Starts one more operation of <paramref name="uid"/> unless the user already runs as many as allowed.</summary>
        public bool TryStartOperation(uint uid)
        {
            lock (gate)
            {
                var held = Of(uid);
                if (held.Operations >= limits.EffectiveMaxOperationsPerUser)
                {
                    return false;
                }

                held.Operations++;
                return true;
            }
        }

        public void EndOperation(uint uid)
        {
            lock (gate)
            {
                var held = Of(uid);
                held.Operations--;
                Forget(uid, held);
            }
        }

        private Held Of(uint uid)
        {
            if (!users.TryGetValue(uid, out var held))
            {
                held = new Held();
                users[uid] = held;
            }

            return held;
        }

        private void Forget(uint uid, Held held)
        {
            if (held.Connections <= 0 && held.Operations <= 0)
            {
                users.Remove(uid);
            }
        }

        private sealed class Held
        {
            public int Connections;

            public int Operations;
        }
    }
}
