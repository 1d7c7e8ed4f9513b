# The two examples the README tells users to run, each in a real pwsh of its own, as a user starts them: the quickstart
# after Import-Module of the built module, as its header says; the second example with -File, the module found on
# PSModulePath and imported on its first command, as it is once installed.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:examples = Join-Path $script:repo 'examples'
}

Describe 'examples/quickstart.ps1 run in pwsh after Import-Module ./out/CodeEnv/CodeEnv.psd1' {
    BeforeAll {
        $quickstart = Join-Path $script:examples 'quickstart.ps1'
        $script:run = Invoke-ChildPwsh -ArgumentList '-NonInteractive', '-Command', "Import-Module '$script:manifest'; & '$quickstart'"
        $script:transcript = ($script:run.Output + $script:run.Errors) -join [Environment]::NewLine
    }

    It 'exits with code 0' {
        $run.ExitCode | Should -Be 0 -Because $transcript
    }

    It 'ends with its Done line' {
        $run.Output[-1] | Should -BeLike '== Done: a root initialized, packages published, a real Python environment*' -Because $transcript
    }

    It 'writes nothing to stderr' {
        $run.Errors | Should -BeNullOrEmpty
    }

    It 'updates without starting pip, as its step 7 says' {
        $run.Output -like 'VERBOSE: Nothing to do: *; pip was not started.' | Should -Not -BeNullOrEmpty -Because $transcript
    }
}

Describe 'examples/adopt-and-kernel.ps1 run with pwsh -File, CodeEnv found on PSModulePath' {
    BeforeAll {
        $modulePath = (Join-Path $script:repo 'out') + [System.IO.Path]::PathSeparator + $env:PSModulePath
        $script:run = Invoke-ChildPwsh -ArgumentList '-NonInteractive', '-File', (Join-Path $script:examples 'adopt-and-kernel.ps1') -Environment @{ PSModulePath = $modulePath }
        $script:transcript = ($script:run.Output + $script:run.Errors) -join [Environment]::NewLine
    }

    It 'exits with code 0' {
        $run.ExitCode | Should -Be 0 -Because $transcript
    }

    It 'ends with its Done line' {
        $run.Output[-1] | Should -BeLike '== Done: a hand-made venv adopted and registered, and a managed env offered to Jupyter as a kernel.' -Because $transcript
    }

    It 'writes nothing to stderr' {
        $run.Errors | Should -BeNullOrEmpty
    }

    It 'keeps the hand-made venv and removes the kernel with its env' {
        $run.Output | Should -Contain 'Hand-made venv still there: True; kernel left: False' -Because $transcript
    }
}
