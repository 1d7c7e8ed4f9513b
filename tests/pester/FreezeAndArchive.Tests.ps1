# An administrator freezes a validated env and archives envs nobody uses, with pwsh's standard cmdlets in the
# pipelines a maintenance script would write: the refusals a freeze and an archive cause, what the listings show, and
# the way back. One root, two envs, offline from the root's wheelhouse.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Initialize-TestRoot | Out-Null
    . (Join-Path $script:repo 'examples/DemoWheel.ps1')
    Set-CodeEnvRoot -NoIndex
    $dist = Join-Path $TestDrive 'dist'
    New-Item -ItemType Directory -Path $dist | Out-Null
    New-DemoWheel $dist 'table-kit' '1.2.0' | Publish-CodeEnvPackage | Out-Null
    New-DemoWheel $dist 'report-kit' '0.9.0' -requires 'table-kit>=1.0' | Publish-CodeEnvPackage | Out-Null
    $python = Get-TestPythonVersion
    New-CodeEnv validated -PythonVersion $python -Requirement 'table-kit' | Out-Null
    New-CodeEnv old-report -PythonVersion $python -Requirement 'report-kit' | Out-Null
}

AfterAll {
    Remove-TestRoot
}

Describe 'Freezing and archiving envs' {
    It 'a frozen env refuses a package change with who froze it and why, and Where-Object Frozen lists it' {
        Lock-CodeEnv validated -Reason 'Validated for the Q3 audit'

        Add-CodeEnvPackage validated -Requirement 'report-kit' -ErrorVariable refused -ErrorAction SilentlyContinue

        $refused[0].FullyQualifiedErrorId | Should -BeLike 'EnvironmentFrozen*'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $refused[0].Exception.Message | Should -Match "by $([Environment]::UserName) since .*Validated for the Q3 audit.*Unlock-CodeEnv -Name validated"
        $frozen = Get-CodeEnv | Where-Object Frozen | Select-Object Name, FrozenRevision, FrozenBy, FrozenReason
        $frozen.Name | Should -Be 'validated'
        $frozen.FrozenReason | Should -Be 'Validated for the Q3 audit'
        (Get-CodeEnvPackage validated).Name | Should -Not -Contain 'report-kit'
    }

    It 'envs archived through a pipeline leave Get-CodeEnv and the health report, and refuse Invoke-CodeEnvPython' {
        Get-CodeEnv | Where-Object Name -like 'old-*' | Disable-CodeEnv -WhatIf
        (Get-CodeEnv old-report).Archived | Should -BeFalse

        Get-CodeEnv | Where-Object Name -like 'old-*' | Disable-CodeEnv

        (Get-CodeEnv).Name | Should -Be @('validated')
        (Get-CodeEnv -IncludeArchived | Where-Object Archived).Name | Should -Be @('old-report')
        (Get-CodeEnv -IncludeArchived | Test-CodeEnv | Where-Object Status -notin 'Healthy', 'Archived') | Should -BeNullOrEmpty
        { Invoke-CodeEnvPython old-report -ArgumentList '-c', 'print(1)' -ErrorAction Stop } | Should -Throw -ErrorId 'EnvironmentArchived*'
        Test-Path (Join-Path (Get-CodeEnv old-report).Path 'venvs') | Should -BeFalse
    }

    It 'Enable-CodeEnv brings an archived env back, rebuilt from its lock, and its python runs its packages' {
        $back = Get-CodeEnv -IncludeArchived | Where-Object Archived | Enable-CodeEnv -PassThru

        $back.Name | Should -Be 'old-report'
        $back.State | Should -Be 'Ready'
        Invoke-CodeEnvPython old-report -ArgumentList '-c', 'import report_kit, table_kit; print(report_kit.VERSION, table_kit.VERSION)' | Should -Be '0.9.0 1.2.0'
        Unlock-CodeEnv validated -PassThru | ForEach-Object Frozen | Should -BeFalse
    }
}
