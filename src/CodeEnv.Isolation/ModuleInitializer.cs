using System.Management.Automation;

namespace CodeEnv.Isolation
{
    /// <summary>
    /// Runs when PowerShell imports the module: from then on the engine (CodeEnv.Core) and everything it depends on
    /// load from the module's dependencies/ folder, apart from PowerShell's own copies and other modules' copies.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport() => DependencyIsolation.Install();

        public void OnRemove(PSModuleInfo module) => DependencyIsolation.Uninstall();
    }
}
