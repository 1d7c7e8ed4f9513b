# pwsh's Microsoft.PowerShell.Management module, for the codeenv shell: the cmdlets come from the assembly the shell
# restores from NuGet (Microsoft.PowerShell.Commands.Management, loaded by name from the shell's own dependencies), so
# a script sees the module by the name, GUID and version pwsh gives it.
@{
    GUID = 'EEFCB906-B326-4E99-9F54-8B4BB6EF3C6D'
    ModuleVersion = '7.0.0.0'
    CompatiblePSEditions = @('Core')
    PowerShellVersion = '3.0'
    NestedModules = @('Microsoft.PowerShell.Commands.Management')
    CmdletsToExport = '*'
    FunctionsToExport = @()
    AliasesToExport = '*'
    VariablesToExport = @()
}
