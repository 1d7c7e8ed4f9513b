# -Name on the cmdlets that work on envs: several names and wildcards, as Get-CodeEnv takes them, with PowerShell's
# rules (a literal name that does not exist is one ObjectNotFound error and the other names go on; a wildcard that
# matches nothing is silent; -WhatIf and -Confirm per matched env). And what an unattended session is told when a
# cmdlet would ask for confirmation, and what -Verbose says of the env's lock.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Initialize-TestRoot | Out-Null
    $script:version = Get-TestPythonVersion

    function New-TestEnv([string[]] $Name) {
        foreach ($each in $Name) { New-CodeEnv -Name $each -PythonVersion $script:version -NoInstall | Out-Null }
    }

    # Runs a script in a new process of the pwsh running these tests, as a scheduled job would: the module imported, this
    # file's root in CODEENV_ROOT, standard input at its end (nobody to answer a prompt). -InputFromDevNull starts it
    # with its input from /dev/null instead; -Interactive leaves out -NonInteractive. Returns stdout and stderr as text,
    # each line break removed, since pwsh wraps long lines when its output is not a terminal.
    function Invoke-UnattendedPwsh([string] $Script, [switch] $Interactive, [switch] $InputFromDevNull) {
        $pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
        $arguments = @('-NoProfile') + @(if (-not $Interactive) { '-NonInteractive' }) + @('-Command', "Import-Module '$script:manifest'; $Script")
        if ($InputFromDevNull) {
            $start = [System.Diagnostics.ProcessStartInfo]::new('/bin/sh')
            foreach ($argument in @('-c', 'exec "$0" "$@" < /dev/null', $pwsh) + $arguments) { $start.ArgumentList.Add($argument) }
        } else {
            $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh)
            foreach ($argument in $arguments) { $start.ArgumentList.Add($argument) }
            $start.RedirectStandardInput = $true
        }

        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.Environment['CODEENV_ROOT'] = $script:root
        $start.Environment['NO_COLOR'] = '1'
        $process = [System.Diagnostics.Process]::Start($start)
        if (-not $InputFromDevNull) { $process.StandardInput.Close() }
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(120000)) {
            $process.Kill($true)
            throw "pwsh did not finish in 2 minutes: $Script"
        }

        [pscustomobject]@{
            Output = $stdout.Result -replace '\r?\n', ''
            Error  = $stderr.Result -replace '\r?\n', ''
        }
    }
}

AfterAll {
    Remove-TestRoot
}

Describe 'Several names and wildcards on -Name' {
    It 'updates both envs Update-CodeEnv is given two names for' {
        New-TestEnv 'two-a', 'two-b'
        Update-CodeEnv two-a, two-b
        (Get-CodeEnv two-a, two-b).State | Should -Be @('Ready', 'Ready')
    }

    It 'tests every env a wildcard given to Test-CodeEnv matches' {
        New-TestEnv 'wild-a', 'wild-b', 'other-wild'
        (Test-CodeEnv wild-* | Sort-Object Name).Name | Should -Be @('wild-a', 'wild-b')
    }

    It 'is silent for a wildcard that matches no env' {
        $problems = $null
        Test-CodeEnv nothing-matches-* -ErrorVariable problems | Should -BeNullOrEmpty
        Update-CodeEnv nothing-matches-* -ErrorVariable +problems | Should -BeNullOrEmpty
        $problems | Should -BeNullOrEmpty
    }

    It 'reports a literal name that does not exist as one CodeEnvNotFound error and still updates the other names' {
        New-TestEnv 'good-a', 'good-b'
        $problems = $null
        Update-CodeEnv good-a, no-such-env, good-b -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CodeEnvNotFound,*'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].TargetObject | Should -Be 'no-such-env'
        (Get-CodeEnv good-a, good-b).State | Should -Be @('Ready', 'Ready')
    }

    It 'refuses a wildcard pattern that is not valid with WildcardPatternInvalid, saying how to write one' {
        $problems = $null
        Test-CodeEnv 'bad[' -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'WildcardPatternInvalid,*'
        $problems[0].Exception.Message | Should -Match "'bad\['.*wildcard"
    }

    It 'removes nothing with Remove-CodeEnv on a wildcard and -WhatIf, and names each env it matches' {
        New-TestEnv 'gone-a', 'gone-b', 'kept-gone'
        $run = Invoke-UnattendedPwsh "Remove-CodeEnv 'gone-*' -WhatIf"
        $run.Error | Should -BeNullOrEmpty
        $run.Output | Should -BeLike "*What if: Performing the operation ""Remove CodeEnv environment"" on target ""gone-a in *"
        $run.Output | Should -BeLike "*What if: Performing the operation ""Remove CodeEnv environment"" on target ""gone-b in *"
        $run.Output | Should -Not -BeLike '*kept-gone*'
        (Get-CodeEnv gone-*, kept-gone).Count | Should -Be 3
    }

    It 'processes an env once when two of the names stand for it' {
        New-TestEnv 'once-a', 'once-b'
        (Test-CodeEnv once-a, once-*, ONCE-B | Sort-Object Name).Name | Should -Be @('once-a', 'once-b')
    }

    It 'completes -PackageName with the packages of every env -Name names' {
        New-CodeEnv -Name comp-a -PythonVersion $script:version -NoInstall -Requirement alpha | Out-Null
        New-CodeEnv -Name comp-b -PythonVersion $script:version -NoInstall -Requirement beta | Out-Null
        foreach ($names in 'comp-a, comp-b', 'comp-*') {
            $line = "Remove-CodeEnvPackage -Root '$script:root' -Name $names -PackageName "
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('alpha', 'beta')
        }
    }

    It 'binds env objects piped in by property name' {
        New-TestEnv 'piped-a', 'piped-b'
        (Get-CodeEnv piped-* | Test-CodeEnv | Sort-Object Name).Name | Should -Be @('piped-a', 'piped-b')
        Get-CodeEnv piped-* | Add-CodeEnvPackage -Requirement tabulate
        (Get-CodeEnvPackage piped-a -Kind Requested).Line | Should -Be 'tabulate'
        (Get-CodeEnvPackage piped-b -Kind Requested).Line | Should -Be 'tabulate'
    }

    It 'documents -Name of Update-CodeEnv as names with wildcards' {
        $name = Get-Help Update-CodeEnv -Parameter Name
        $name.type.name | Should -Be 'String[]'
        $name.globbing | Should -Be 'true'
    }
}

Describe 'A confirmation that an unattended session cannot ask for' {
    It 'is refused in a non-interactive pwsh, saying how to run unattended, and removes nothing' {
        New-TestEnv 'asks-a'
        $run = Invoke-UnattendedPwsh "try { Remove-CodeEnv asks-a -ErrorAction Stop } catch { 'id=' + `$_.FullyQualifiedErrorId; 'category=' + `$_.CategoryInfo.Category; 'message=' + `$_.Exception.Message }"
        $run.Output | Should -BeLike '*id=ConfirmationNotPossible,CodeEnv.Cmdlets.Commands.RemoveCodeEnvCommand*'
        $run.Output | Should -BeLike '*category=InvalidOperation*'
        $run.Output | Should -BeLike '*message=Remove-CodeEnv needs confirmation*non-interactive*-Confirm:$false*$ConfirmPreference = ''None''*'
        $run.Output | Should -Not -BeLike '*failed unexpectedly*'
        Get-CodeEnv asks-a | Should -Not -BeNullOrEmpty
    }

    It 'is refused the same way in a pwsh whose input is /dev/null' {
        New-TestEnv 'asks-b'
        $run = Invoke-UnattendedPwsh -Interactive -InputFromDevNull 'Remove-CodeEnv asks-b'
        $run.Error | Should -BeLike '*Remove-CodeEnv needs confirmation*-Confirm:$false*'
        $run.Error | Should -Not -BeLike '*failed unexpectedly*'
        Get-CodeEnv asks-b | Should -Not -BeNullOrEmpty
    }

    It 'is refused for every cmdlet that asks, not only Remove-CodeEnv' {
        New-TestEnv 'asks-c'
        $run = Invoke-UnattendedPwsh 'Add-CodeEnvPackage asks-c -Requirement tabulate -Confirm'
        $run.Error | Should -BeLike '*Add-CodeEnvPackage needs confirmation*-Confirm:$false*'
        Get-CodeEnvPackage asks-c -Kind Requested | Should -BeNullOrEmpty
    }
}

Describe 'What -Verbose says of the lock of each env' {
    It 'says once per env how long Update-CodeEnv held its lock' {
        New-TestEnv 'lock-a', 'lock-b'
        Update-CodeEnv lock-a | Out-Null    # the first update runs pip; the second decides without it
        $verbose = Update-CodeEnv lock-a, lock-b -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @($verbose | Where-Object Message -like "*held the lock of 'lock-a'*").Count | Should -Be 1
        @($verbose | Where-Object Message -like "*held the lock of 'lock-b'*").Count | Should -Be 1
    }
}
