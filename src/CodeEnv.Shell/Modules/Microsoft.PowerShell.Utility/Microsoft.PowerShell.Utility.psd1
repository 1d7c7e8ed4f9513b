# pwsh's Microsoft.PowerShell.Utility module, for the codeenv shell: the cmdlets come from the assembly the shell
# restores from NuGet (Microsoft.PowerShell.Commands.Utility, loaded by name from the shell's own dependencies), so a
# script sees the module by the name, GUID and version pwsh gives it (Microsoft.PowerShell.Utility\Write-Output works).
@{
    GUID = '1DA87E53-152B-403E-98DC-74D7B4D63D59'
    ModuleVersion = '7.0.0.0'
    CompatiblePSEditions = @('Core')
    PowerShellVersion = '3.0'
    NestedModules = @('Microsoft.PowerShell.Commands.Utility')
    CmdletsToExport = '*'
    FunctionsToExport = @()
    AliasesToExport = '*'
    VariablesToExport = @()
}
