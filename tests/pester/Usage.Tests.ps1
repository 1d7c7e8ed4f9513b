# Who uses an env, as an administrator's scripts ask it: declare what depends on an env, see the refusals name it,
# read who started its python, and the unused report piped on. One root, one env with a venv (its python runs once).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Initialize-TestRoot | Out-Null
    $script:python = Get-TestPythonVersion

    # The text the host shows while the script block runs (What if: lines), read back from a transcript.
    function Get-HostText([scriptblock] $script) {
        $transcript = Join-Path $TestDrive "host-$([guid]::NewGuid().ToString('N')).txt"
        Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
        try { & $script | Out-Null }
        finally { Stop-Transcript | Out-Null }
        Get-Content -Raw $transcript
    }
    New-CodeEnv -Name scoring -PythonVersion $python | Out-Null
    New-CodeEnv -Name scratchpad -PythonVersion $python -Requirement 'tabulate' -NoInstall | Out-Null
}

AfterAll {
    Remove-TestRoot
}

Describe 'Declared consumers' {
    It 'are declared for every env a pattern matches and listed with their pins' {
        Add-CodeEnvConsumer s* -Kind ScheduledTask -Id '\Reports\Nightly' -Owner data-team -Description 'nightly scores' -Package tabulate | Out-Null

        $consumers = Get-CodeEnvUsage -Declared | Sort-Object Name
        $consumers.Name | Should -Be @('scoring', 'scratchpad')
        $consumers[1].Packages | Should -Be @('tabulate')
        $consumers[1].ToString() | Should -Be "ScheduledTask '\Reports\Nightly' of data-team"
    }

    It 'make a removal and the loss of a pinned package refuse with the consumers named, -WhatIf names them, -Force goes through' {
        Get-HostText { Remove-CodeEnv scratchpad -WhatIf } | Should -BeLike "*declared consumers, refused without -Force: ScheduledTask '\Reports\Nightly' of data-team*"
        Get-HostText { Remove-CodeEnvPackage scratchpad tabulate -WhatIf } | Should -BeLike "*pinned by declared consumers: ScheduledTask*"
        { Remove-CodeEnv scratchpad -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'EnvironmentHasConsumers*' -ExpectedMessage "*ScheduledTask '\Reports\Nightly' of data-team (nightly scores)*"
        { Remove-CodeEnvPackage scratchpad tabulate -ErrorAction Stop } | Should -Throw -ErrorId 'EnvironmentHasConsumers*'

        (Get-CodeEnvPackage scratchpad -Kind Requested).Name | Should -Be 'tabulate'
        Remove-CodeEnvPackage scratchpad tabulate -Force -PassThru | ForEach-Object RequestedPackages | Should -BeNullOrEmpty
        Get-CodeEnvUsage scratchpad -Declared | Remove-CodeEnvConsumer
        Get-CodeEnvUsage scratchpad | Should -BeNullOrEmpty
        Remove-CodeEnv scratchpad -Confirm:$false
        Get-CodeEnv | ForEach-Object Name | Should -Be 'scoring'
    }
}

Describe 'Recorded usages and the unused report' {
    It 'records each start of the env''s python once per user, and the report pipes into the env cmdlets' {
        1..3 | ForEach-Object { Invoke-CodeEnvPython scoring -c 'pass' }

        $usage = Get-CodeEnvUsage scoring -Recorded
        $usage.Kind | Should -Be 'Python'
        $usage.User | Should -Be ([System.Environment]::UserName)
        Set-CodeEnvRoot -UnusedAfterDays 30
        (Get-CodeEnvRoot).UnusedAfterDays | Should -Be 30
        Get-CodeEnvUnused | Should -BeNullOrEmpty
        Get-CodeEnvUnused -Days 0 | Should -BeNullOrEmpty -Because 'scoring has a declared consumer'
        $report = Get-CodeEnvUnused -Days 0 -IncludeDeclared
        $report.LastUsedBy | Should -Be ([System.Environment]::UserName)
        $report | Remove-CodeEnv -WhatIf
        Get-CodeEnv scoring | Should -Not -BeNullOrEmpty
    }
}
