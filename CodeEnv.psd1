@{
    RootModule           = 'CodeEnv.Cmdlets.dll'
    # Loaded and initialized before the root module: from then on the engine resolves in CodeEnv's own load context.
    NestedModules        = @('CodeEnv.Isolation.dll')
    ModuleVersion        = '0.1.0'
    GUID                 = '6f1f0c1e-8a43-4c61-9d3e-2b7f4c0de5a1'
    Author               = 'The CodeEnv team'
    CompanyName          = 'CodeEnv'
    Copyright            = '(c) The CodeEnv team. All rights reserved.'
    Description          = 'Create and manage Python code environments (real virtual environments with a chosen Python, requested packages, permissions and container settings) under an administrator-defined root.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    FormatsToProcess     = @('CodeEnv.Format.ps1xml')
    TypesToProcess       = @('CodeEnv.Types.ps1xml')
    CmdletsToExport      = @(
        'Initialize-CodeEnvRoot'
        'Get-CodeEnvRoot'
        'Get-CodeEnvPython'
        'New-CodeEnv'
        'Register-CodeEnv'
        'Start-CodeEnvService'
        'Copy-CodeEnv'
        'Compare-CodeEnv'
        'Get-CodeEnv'
        'Set-CodeEnv'
        'Remove-CodeEnv'
        'Get-CodeEnvInstalledPackage'
        'Get-CodeEnvPackageSet'
        'Set-CodeEnvRoot'
        'Update-CodeEnv'
        'Test-CodeEnv'
        'Get-CodeEnvLog'
        'Get-CodeEnvPackage'
        'Set-CodeEnvPackage'
        'Add-CodeEnvPackage'
        'Remove-CodeEnvPackage'
        'Add-CodeEnvPackageSet'
        'Publish-CodeEnvPackage'
        'Publish-CodeEnvResource'
        'Get-CodeEnvPermission'
        'Grant-CodeEnvPermission'
        'Revoke-CodeEnvPermission'
        'Invoke-CodeEnvPython'
        'Get-CodeEnvHistory'
        'Restore-CodeEnv'
        'Lock-CodeEnv'
        'Unlock-CodeEnv'
        'Disable-CodeEnv'
        'Enable-CodeEnv'
        'New-CodeEnvContainerConfig'
        'Get-CodeEnvContainerConfig'
        'Remove-CodeEnvContainerConfig'
        'Export-CodeEnvContainerFile'
        'Update-CodeEnvImage'
        'Get-CodeEnvImage'
        'Export-CodeEnv'
        'Export-CodeEnvSbom'
        'Import-CodeEnv'
        'Get-CodeEnvStore'
        'Remove-CodeEnvStoreItem'
        'Import-CodeEnvAdvisoryDatabase'
        'Get-CodeEnvVulnerability'
        'Repair-CodeEnvVulnerability'
        'Add-CodeEnvConsumer'
        'Remove-CodeEnvConsumer'
        'Get-CodeEnvUsage'
        'Get-CodeEnvUnused'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Python', 'venv', 'pip', 'environment', 'DataScience')
            # No ProjectUri until the project has a public home: a placeholder would send users nowhere.
            LicenseUri   = 'https://opensource.org/license/mit'
            ReleaseNotes = @'
0.1.0
- The engine and its dependencies load in CodeEnv's own AssemblyLoadContext under PowerShell 7, so no pwsh
  version (7.4 to 7.6) and no other module's copy of Newtonsoft.Json or Microsoft.Bcl.AsyncInterfaces can break it.
- Parameters with a fixed set of values are enums; names, package sets, container configs, requested packages and
  revisions complete with Tab.
- -Update on the package cmdlets updates each env once per call, after the last pipeline item.
- Get cmdlets report a root that cannot be read as a non-terminating error, so -ErrorAction silences it.
'@
        }
    }
}
