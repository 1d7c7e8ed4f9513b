# What a compliance officer's script does with a root: one CycloneDX SBOM per env, read back with pwsh's own JSON
# cmdlets, and an allow list of licenses that refuses an update before it installs anything. One root, one env.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $script:repo 'examples/DemoWheel.ps1')
    Initialize-TestRoot | Out-Null
    $script:wheels = Join-Path $script:root 'wheelhouse'
    New-DemoWheel $wheels 'report-kit' '1.0' @('table-kit') @('License-Expression: MIT') | Out-Null
    New-DemoWheel $wheels 'table-kit' '2.0' @() @('License: BSD-3-Clause', 'Classifier: License :: OSI Approved :: BSD License') | Out-Null
    New-DemoWheel $wheels 'viral-kit' '1.0' @() @('License-Expression: GPL-3.0-only') | Out-Null
    Set-CodeEnvRoot -NoIndex
    New-CodeEnv reports -PythonVersion (Get-TestPythonVersion) -Requirement 'report-kit' | Out-Null
}

AfterAll {
    Remove-TestRoot
}

Describe 'Export-CodeEnvSbom and the allowed licenses' {
    It 'writes one CycloneDX document per piped env into a folder, which ConvertFrom-Json reads back' {
        $folder = Join-Path $TestDrive 'sboms'
        New-Item -ItemType Directory -Path $folder | Out-Null

        $files = Get-CodeEnv | Where-Object State -eq Ready | Export-CodeEnvSbom -Path $folder

        $files.Name | Should -Be 'reports.cdx.json'
        $bom = Get-Content -Raw $files[0].FullName | ConvertFrom-Json
        $bom.specVersion | Should -Be '1.6'
        $bom.metadata.component.name | Should -Be 'reports'
        $kit = $bom.components | Where-Object name -eq 'report-kit'
        $kit.purl | Should -Be 'pkg:pypi/report-kit@1.0'
        $kit.licenses[0].expression | Should -Be 'MIT'
        ($bom.dependencies | Where-Object ref -eq $kit.'bom-ref').dependsOn | Should -Be 'pkg:pypi/table-kit@2.0'
    }

    It 'refuses an update that would install a license the root does not allow, naming the package, and the env keeps its packages' {
        Set-CodeEnvRoot -AllowedLicense MIT, BSD-3-Clause
        $before = (Get-CodeEnvInstalledPackage reports).Name

        Add-CodeEnvPackage reports -Requirement 'viral-kit' -Update -ErrorVariable refused -ErrorAction SilentlyContinue

        $refused[0].FullyQualifiedErrorId | Should -BeLike 'LicenseNotAllowed*'
        $refused[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $refused[0].Exception.Message | Should -BeLike "*viral-kit 1.0: its License-Expression 'GPL-3.0-only'*"
        (Get-CodeEnvInstalledPackage reports).Name | Should -Be $before
    }

    It 'keeps the allow list through Get-CodeEnvRoot | Set-CodeEnvRoot, and an empty list lifts it' {
        Get-CodeEnvRoot | Set-CodeEnvRoot
        (Get-CodeEnvRoot).AllowedLicenses | Should -Be @('MIT', 'BSD-3-Clause')

        Set-CodeEnvRoot -AllowedLicense @()
        Update-CodeEnv reports

        (Get-CodeEnvInstalledPackage reports).Name | Should -Contain 'viral-kit'
    }
}
