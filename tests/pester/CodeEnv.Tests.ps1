# The module as a pwsh user imports it: the manifest, the basic cycle and its errors. What administrators' scripts do
# with pwsh's standard cmdlets is in Pipelines.Tests.ps1.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Initialize-TestRoot | Out-Null
}

AfterAll {
    Remove-TestRoot
}

Describe 'CodeEnv module' {
    It 'creates, lists, changes and removes an environment' {
        $version = (Get-CodeEnvPython | Where-Object SupportsVenv | Select-Object -First 1).Version -replace '^(\d+\.\d+).*', '$1'
        $env = New-CodeEnv -Name pester-env -PythonVersion $version
        $env.State | Should -Be 'Ready'
        Test-Path $env.PythonPath | Should -BeTrue
        (Get-CodeEnv pester-* | Set-CodeEnv -Description 'changed' -PassThru).Revision | Should -Be 2
        Remove-CodeEnv -Name pester-env -Confirm:$false
        Get-CodeEnv | Should -BeNullOrEmpty
    }

    It 'refuses an invalid name with InvalidArgument' {
        { New-CodeEnv -Name 'bad_name' -PythonVersion 3.11 -NoInstall -ErrorAction Stop } |
            Should -Throw -ErrorId 'CodeEnvNameInvalid,CodeEnv.Cmdlets.Commands.NewCodeEnvCommand'
    }

    It 'refuses a duplicate name in another case with ResourceExists' {
        New-CodeEnv -Name Dup -PythonVersion 3.11 -NoInstall | Out-Null
        $err = $null
        New-CodeEnv -Name dup -PythonVersion 3.11 -NoInstall -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
    }

    It 'saves requested packages, leaves the env Outdated, and refuses a bad line with its number' {
        New-CodeEnv -Name pester-pkgs -PythonVersion 3.11 -NoInstall | Out-Null
        (Set-CodeEnvPackage pester-pkgs 'tabulate', 'requests>=2' -PassThru).State | Should -Be 'Outdated'
        (Get-CodeEnvPackage pester-pkgs -Kind Requested).Line | Should -Be @('tabulate', 'requests>=2')
        { Add-CodeEnvPackage pester-pkgs 'ok', 'bad==>1' -ErrorAction Stop } | Should -Throw '*line 2*'
    }

    It 'lists the permission entries and the history of an env' {
        New-CodeEnv -Name pester-perm -PythonVersion 3.11 -NoInstall | Out-Null
        Grant-CodeEnvPermission pester-perm -Group analysts -Permission UpdatePackages
        (Get-CodeEnvPermission pester-perm | Where-Object Kind -eq Group).UpdatePackages | Should -BeTrue
        (Get-CodeEnvHistory pester-perm)[0].Operation | Should -Be 'Grant-CodeEnvPermission'
    }
}
