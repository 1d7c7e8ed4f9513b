# A scheduled maintenance script as an administrator writes one: run unattended by pwsh -File, it updates the envs of a
# root that need it, checks every env, writes a report, and tells the scheduler by its exit code whether all went well.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:manifest -Force
    . (Join-Path $script:repo 'examples/DemoWheel.ps1')
    $script:python = Get-TestPythonVersion

    $script:nightly = Join-Path $TestDrive 'nightly.ps1'
    Set-Content -Path $nightly -Value @'
# nightly.ps1: updates the envs of a root that need it and checks every env; exit code 0 when all are healthy, 1 when
# any update or check failed. The report (CSV) has a row per env.
param(
    [Parameter(Mandatory)] [string] $Root,
    [string] $ReportPath = (Join-Path $PSScriptRoot 'nightly-report.csv')
)
$ErrorActionPreference = 'Stop'
Import-Module CodeEnv

$report = foreach ($codeEnv in Get-CodeEnv -Root $Root) {
    $row = [ordered]@{ Name = $codeEnv.Name; StateBefore = [string]$codeEnv.State; Updated = $false; Status = ''; Problem = '' }
    # Once Get-CodeEnv has a NeedsUpdate property, this is: if ($codeEnv.NeedsUpdate)
    if ($codeEnv.State -ne 'Ready') {
        try {
            Update-CodeEnv -Name $codeEnv.Name -Root $Root
            $row.Updated = $true
        }
        catch {
            $row.Problem = "$($_.FullyQualifiedErrorId.Split(',')[0]): $($_.Exception.Message)"
        }
    }
    $health = Test-CodeEnv -Name $codeEnv.Name -Root $Root
    $row.Status = [string]$health.Status
    if (-not $row.Problem -and $health.Status -ne 'Healthy') { $row.Problem = $health.Problems -join '; ' }
    [pscustomobject]$row
}

$report | Export-Csv -Path $ReportPath -NoTypeInformation
$failed = @($report | Where-Object Problem)
foreach ($row in $failed) { [Console]::Error.WriteLine("$($row.Name): $($row.Problem)") }
"$(@($report).Count) envs checked, $(@($report | Where-Object Updated).Count) updated, $($failed.Count) failed."
if ($failed) { exit 1 }
exit 0
'@

    # A root that installs offline from its wheelhouse, with the packages the envs below ask for.
    function New-MaintenanceRoot {
        $root = New-TestRootPath 'codeenv-nightly'
        Initialize-CodeEnvRoot -Path $root | Out-Null
        Copy-TestSeed $root
        Set-CodeEnvRoot -Root $root -NoIndex
        $dist = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $dist | Out-Null
        New-DemoWheel $dist 'table-kit' '1.2.0' | Publish-CodeEnvPackage -Root $root | Out-Null
        New-DemoWheel $dist 'report-kit' '0.9.0' -requires 'table-kit>=1.0' | Publish-CodeEnvPackage -Root $root | Out-Null
        $root
    }

    # Runs nightly.ps1 as the scheduler would, with CodeEnv installed where Import-Module finds it by name.
    function Invoke-Nightly([string] $root, [string] $report) {
        $modulePath = (Join-Path $script:repo 'out') + [System.IO.Path]::PathSeparator + $env:PSModulePath
        Invoke-ChildPwsh -ArgumentList '-NonInteractive', '-File', $script:nightly, '-Root', $root, '-ReportPath', $report -Environment @{ PSModulePath = $modulePath }
    }
}

Describe 'nightly.ps1 on a root where every update succeeds' {
    BeforeAll {
        $script:root = New-MaintenanceRoot
        New-CodeEnv -Name reports -PythonVersion $python -Requirement 'report-kit==0.9.0' -NoInstall -Root $root | Out-Null
        $script:reportPath = Join-Path $TestDrive 'all-well.csv'
        $script:run = Invoke-Nightly $root $reportPath
        $script:transcript = ($run.Output + $run.Errors) -join [Environment]::NewLine
    }

    AfterAll {
        Remove-Item -Recurse -Force $script:root -ErrorAction SilentlyContinue
    }

    It 'exits 0' {
        $run.ExitCode | Should -Be 0 -Because $transcript
    }

    It 'updates the env that was not Ready, and leaves it Ready' {
        (Get-CodeEnv reports -Root $root).State | Should -Be 'Ready'
        (Get-CodeEnvInstalledPackage reports -Root $root).Name | Should -Contain 'report-kit'
    }

    It 'reports the env updated and Healthy' {
        $row = Import-Csv $reportPath
        $row.Name, $row.StateBefore, $row.Updated, $row.Status, $row.Problem | Should -Be 'reports', 'Outdated', 'True', 'Healthy', ''
    }

    It 'prints its summary and no error' {
        $run.Output[-1] | Should -Be '1 envs checked, 1 updated, 0 failed.'
        $run.Errors | Should -BeNullOrEmpty
    }

    It 'Get-CodeEnv | Test-CodeEnv -VerifyFiles | Where-Object finds the file someone replaced in a venv, with both sha256' {
        Get-CodeEnv -Root $root | Test-CodeEnv -VerifyFiles | Where-Object Status -ne Healthy | Should -BeNullOrEmpty
        $site = Join-Path (Get-ChildItem -Directory (Join-Path (Get-CodeEnv reports -Root $root).VenvPath 'lib'))[0].FullName 'site-packages'
        $file = (Get-ChildItem -File -Recurse -Filter *.py (Join-Path $site 'report_kit') | Select-Object -First 1).FullName
        $installed = (Get-FileHash $file -Algorithm SHA256).Hash.ToLowerInvariant()
        Remove-Item -Force $file
        Set-Content -Path $file -Value 'import os'

        $found = Get-CodeEnv -Root $root | Test-CodeEnv -VerifyFiles | Where-Object Status -ne Healthy |
            ForEach-Object FileFindings | Where-Object Kind -eq Changed

        $found.EnvironmentName, $found.Package, $found.File | Should -Be 'reports', 'report-kit 0.9.0', $file
        $found.ExpectedSha256 | Should -Be $installed
        $found.ActualSha256 | Should -Be (Get-FileHash $file -Algorithm SHA256).Hash.ToLowerInvariant()
    }
}

Describe 'nightly.ps1 on a root where one env asks for a package no wheel provides' {
    BeforeAll {
        $script:root = New-MaintenanceRoot
        New-CodeEnv -Name reports -PythonVersion $python -Requirement 'report-kit==0.9.0' -NoInstall -Root $root | Out-Null
        New-CodeEnv -Name forecast -PythonVersion $python -Requirement 'forecast-kit==3.0' -NoInstall -Root $root | Out-Null
        $script:reportPath = Join-Path $TestDrive 'one-failed.csv'
        $script:run = Invoke-Nightly $root $reportPath
        $script:transcript = ($run.Output + $run.Errors) -join [Environment]::NewLine
    }

    AfterAll {
        Remove-Item -Recurse -Force $script:root -ErrorAction SilentlyContinue
    }

    It 'exits 1' {
        $run.ExitCode | Should -Be 1 -Because $transcript
    }

    It 'reports the failed env with pip''s error id and the line pip could not satisfy' {
        $row = Import-Csv $reportPath | Where-Object Name -eq forecast
        $row.Updated | Should -Be 'False'
        $row.Problem | Should -BeLike 'PythonCommandFailed:*forecast-kit==3.0*'
        $run.Errors[0] | Should -BeLike 'forecast: PythonCommandFailed:*'
    }

    It 'still updates the other env' {
        (Import-Csv $reportPath | Where-Object Name -eq reports).Status | Should -Be 'Healthy'
        (Get-CodeEnv reports -Root $root).State | Should -Be 'Ready'
    }

    It 'leaves the failed env Failed with its requested line kept' {
        $forecast = Get-CodeEnv forecast -Root $root
        $forecast.State | Should -Be 'Failed'
        $forecast.RequestedPackages | Should -Be 'forecast-kit==3.0'
    }
}
