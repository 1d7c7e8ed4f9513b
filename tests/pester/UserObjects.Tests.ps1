# What a pwsh user met with CodeEnv's objects: the README's cleanup and maintenance filters, sorting by version, lists
# and views as text, and owners that must be accounts of this machine.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Initialize-TestRoot | Out-Null
    # Offline: a requirement no wheel satisfies fails at once instead of asking an index.
    Set-CodeEnvRoot -NoIndex
    $script:python = Get-TestPythonVersion
}

AfterAll {
    Remove-TestRoot
}

Describe 'Python versions' {
    BeforeAll {
        $script:installed = Get-CodeEnvPython
        # The machine must have versions whose text order is not their version order, or sorting proves nothing.
        @($script:installed | Where-Object { "$($_.Version)" -like '3.9.*' }).Count | Should -BeGreaterThan 0
        @($script:installed | Where-Object { "$($_.Version)" -like '3.10.*' }).Count | Should -BeGreaterThan 0
    }

    It 'sorts Get-CodeEnvPython by Version as versions, 3.9 before 3.10' {
        $sorted = $script:installed | Sort-Object Version | ForEach-Object { "$($_.Version)" }

        $sorted | Should -Be ($script:installed | ForEach-Object { "$($_.Version)" } | Sort-Object { [version]$_ })
    }

    It 'sorts envs by PythonVersion as versions' {
        New-CodeEnv -Name on-3-10 -PythonVersion 3.10 -NoInstall | Out-Null
        New-CodeEnv -Name on-3-9 -PythonVersion 3.9 -NoInstall | Out-Null

        (Get-CodeEnv on-3-* | Sort-Object PythonVersion | ForEach-Object Name) | Should -Be @('on-3-9', 'on-3-10')
    }

    It 'compares a version with -gt as a version, and with -eq and -like as its text' {
        $v310 = ($script:installed | Where-Object { $_.Version -like '3.10.*' } | Select-Object -First 1).Version
        $text = "$v310"

        $v310 -gt '3.9.18' | Should -BeTrue
        $v310 -eq $text | Should -BeTrue
        $v310 -like '3.10.*' | Should -BeTrue
        ($v310 -replace '^(\d+\.\d+).*', '$1') | Should -Be '3.10'
    }

    It 'prints a version on its own as its text, as Python reports it' {
        $python = $script:installed | Where-Object { $_.Version -like '3.10.*' } | Select-Object -First 1

        ($python.Version | Out-String).Trim() | Should -Be "$($python.Version)"
    }

    It 'writes a version as its text to CSV and as Python''s version_info parts to JSON' {
        $python = $script:installed | Where-Object { $_.Version -like '3.10.*' } | Select-Object -First 1
        $csv = Join-Path $TestDrive 'pythons.csv'

        $python | Export-Csv -Path $csv -NoTypeInformation
        $json = $python | ConvertTo-Json | ConvertFrom-Json

        (Import-Csv $csv).Version | Should -Be "$($python.Version)"
        $json.Version.Major | Should -Be 3
        $json.Version.Minor | Should -Be 10
        $json.Version.ReleaseLevel | Should -Be 'final'
    }
}
