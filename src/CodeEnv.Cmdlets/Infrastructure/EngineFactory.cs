using CodeEnv.Operations;
using CodeEnv.Security;
using CodeEnv.Service;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Infrastructure
{
    /// <summary>
    /// The one place that decides how a root's engine is reached, for cmdlets and completers alike: in this process as
    /// the OS user on a direct root, through the root's service on a served one (where the service decides as whom the
    /// OS says is calling, and no file of the root is read by the caller).
    /// </summary>
    internal static class EngineFactory
    {
        public static ICodeEnvEngine For(RootPaths paths)
        {
            var served = ServedRoot.Find(paths);
            return served == null ? new CodeEnvEngine(paths.Root, OsIdentityProvider.Instance, SystemClock.Instance) : Connect(served);
        }

        // Kept out of line, so a call on a direct root never loads the service's client (StreamJsonRpc and its kin).
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static ICodeEnvEngine Connect(ServedRoot served) => new RemoteEngine(served);
    }
}
