namespace CodeEnv.Shell;

/// <summary>
/// The modules pwsh gives every script besides Microsoft.PowerShell.Core, which alone is built into
/// System.Management.Automation: Write-Verbose, Select-Object, ConvertTo-Json, Format-Table (Utility) and
/// Get-ChildItem, Test-Path, Start-Process (Management). Their assemblies come from NuGet with the shell; the small
/// manifests in Modules/ give them pwsh's module names.
/// </summary>
internal static class StandardModules
{
    private static readonly string[] Names = { "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Management" };

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Modules");

    public static string[] ManifestPaths() => Names.Select(name => Path.Combine(Folder, name, name + ".psd1")).ToArray();

    /// <summary>
    /// Puts the manifests' folder on PSModulePath, as pwsh's own $PSHOME/Modules is, so that a script's
    /// "Import-Module Microsoft.PowerShell.Utility" finds them by name. (The engine writes the path it composes into
    /// the process environment anyway; a pwsh started by the script puts its own modules before these.)
    /// </summary>
    public static void AddToModulePath()
    {
        var current = Environment.GetEnvironmentVariable("PSModulePath");
        Environment.SetEnvironmentVariable("PSModulePath", string.IsNullOrEmpty(current) ? Folder : Folder + Path.PathSeparator + current);
    }
}
