using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace CodeEnv.Isolation
{
    /// <summary>
    /// How the engine's dependencies reach it on each PowerShell. PowerShell 7 (.NET): through CodeEnv's own load
    /// context, so pwsh's older Microsoft.Bcl.AsyncInterfaces or another module's Newtonsoft.Json can neither break
    /// CodeEnv nor be broken by it. Windows PowerShell 5.1 (.NET Framework, one load context): from dependencies/
    /// when the process has no copy of its own.
    /// </summary>
    internal static class DependencyIsolation
    {
        private static readonly bool IsDotNetFramework =
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        public static void Install()
        {
            if (IsDotNetFramework)
            {
                AppDomain.CurrentDomain.AssemblyResolve += ResolveOnDotNetFramework;
            }
            else
            {
                InstallLoadContext();
            }
        }

        public static void Uninstall()
        {
            if (IsDotNetFramework)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= ResolveOnDotNetFramework;
            }
            else
            {
                UninstallLoadContext();
            }
        }

        // Kept out of line so that .NET Framework, which has no AssemblyLoadContext, never compiles a method naming it.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void InstallLoadContext() => AssemblyLoadContext.Default.Resolving += EngineLoadContext.ResolveEngineForDefaultContext;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void UninstallLoadContext() => AssemblyLoadContext.Default.Resolving -= EngineLoadContext.ResolveEngineForDefaultContext;

        private static Assembly? ResolveOnDotNetFramework(object? sender, ResolveEventArgs args)
        {
            var file = DependencyFolder.AnyFileFor(new AssemblyName(args.Name));
            return file == null ? null : Assembly.LoadFrom(file);
        }
    }
}
