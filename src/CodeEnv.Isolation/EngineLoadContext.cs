using System.Reflection;
using System.Runtime.Loader;

namespace CodeEnv.Isolation
{
    /// <summary>
    /// PowerShell 7: CodeEnv's own load context. The engine loads here, and so does each of its references found in
    /// dependencies/ (CliWrap, Newtonsoft.Json, Microsoft.Bcl.AsyncInterfaces, System.Management, ...), at the version
    /// the module was built with, whatever pwsh or another module loaded into the default context. Everything else
    /// (the runtime, System.Management.Automation) comes from the default context, shared with PowerShell.
    /// </summary>
    internal sealed class EngineLoadContext : AssemblyLoadContext
    {
        public static readonly EngineLoadContext Instance = new EngineLoadContext();

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var file = DependencyFolder.IsolatedFileFor(assemblyName);
            return file == null ? null : LoadFromAssemblyPath(file);
        }

        /// <summary>The default context asks for the engine only when the cmdlets first touch it; it is answered from here.</summary>
        public static Assembly? ResolveEngineForDefaultContext(AssemblyLoadContext defaultContext, AssemblyName assemblyName) =>
            assemblyName.Name == DependencyFolder.EngineAssemblyName ? Instance.LoadFromAssemblyName(assemblyName) : null;
    }
}
