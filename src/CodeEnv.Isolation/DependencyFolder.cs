using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace CodeEnv.Isolation
{
    /// <summary>
    /// The module's dependencies/ folder and the one rule of what loads from it: every dll there except the
    /// polyfills that .NET itself provides on PowerShell 7 and that ship only for Windows PowerShell 5.1.
    /// </summary>
    internal static class DependencyFolder
    {
        /// <summary>The engine: the one assembly the cmdlets reference; everything else is loaded on its behalf.</summary>
        public const string EngineAssemblyName = "CodeEnv.Core";

        // On .NET (PowerShell 7) these are part of the runtime; loading the netstandard copies beside the runtime's would
        // give the engine a second Span<T> or Task type that no runtime API accepts. ModuleTests checks this list
        // against the runtime's own folder, so a new polyfill cannot slip in unnoticed.
        private static readonly HashSet<string> ProvidedByDotNet = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "System.Buffers",
            "System.Memory",
            "System.Numerics.Vectors",
            "System.Reflection.DispatchProxy",
            "System.Runtime.CompilerServices.Unsafe",
            "System.Threading.Tasks.Extensions",
        };

        public static readonly string Path =
            System.IO.Path.Combine(System.IO.Path.GetDirectoryName(typeof(DependencyFolder).Assembly.Location)!, "dependencies");

        /// <summary>The file in dependencies/ that CodeEnv's load context loads for <paramref name="name"/>, or null to defer to .NET.</summary>
        public static string? IsolatedFileFor(AssemblyName name)
        {
            return name.Name == null || ProvidedByDotNet.Contains(name.Name) ? null : AnyFileFor(name);
        }

        /// <summary>On Windows PowerShell 5.1 (no load contexts) every dll of the folder resolves from it, the polyfills included.</summary>
        public static string? AnyFileFor(AssemblyName name)
        {
            var candidate = System.IO.Path.Combine(Path, name.Name + ".dll");
            return File.Exists(candidate) ? candidate : null;
        }
    }
}
