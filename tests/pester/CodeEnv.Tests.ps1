# The module as a pwsh user imports it: the basic cycle, errors, and what administrators' scripts do with pwsh's
# standard cmdlets, which the hosted engine of the xunit suite lacks.
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

# What administrators' scripts do with pwsh's standard cmdlets, which the hosted engine of the xunit suite lacks.
Describe 'CodeEnv in an administrator''s script' {
    BeforeAll {
        $script:version = (Get-CodeEnvPython | Where-Object SupportsVenv | Sort-Object Version -Descending | Select-Object -First 1).Version -replace '^(\d+\.\d+).*', '$1'
        foreach ($name in 'adm-b', 'adm-a', 'adm-c') {
            New-CodeEnv -Name $name -PythonVersion $script:version -NoInstall -Requirement 'tabulate' | Out-Null
        }
        Set-CodeEnv adm-c -Description 'reporting'
    }

    It 'sorts, selects and groups envs by their properties' {
        (Get-CodeEnv adm-* | Sort-Object Name | Select-Object -ExpandProperty Name) | Should -Be @('adm-a', 'adm-b', 'adm-c')
        $groups = Get-CodeEnv adm-* | Group-Object State
        @($groups).Count | Should -Be 1
        $groups[0].Name | Should -Be 'Outdated'
        (Get-CodeEnv adm-* | Select-Object Name, State, Revision | Where-Object Revision -eq 2).Name | Should -Be 'adm-c'
    }

    It 'converts envs to JSON and exports them to CSV' {
        $json = Get-CodeEnv adm-a | Select-Object Name, State, Owner | ConvertTo-Json | ConvertFrom-Json
        $json.Name | Should -Be 'adm-a'
        $csv = Join-Path $TestDrive 'envs.csv'
        Get-CodeEnv adm-* | Select-Object Name, State | Export-Csv -Path $csv -NoTypeInformation
        (Import-Csv $csv).Count | Should -Be 3
    }

    It 'formats envs as a table with the default view' {
        $text = Get-CodeEnv adm-* | Format-Table | Out-String
        $text | Should -Match 'adm-a'
        $text | Should -Match 'Outdated'
    }

    It 'collects non-terminating errors with -ErrorVariable and goes on' {
        $problems = $null
        $found = Get-CodeEnv adm-a, missing-env, adm-b -ErrorVariable problems -ErrorAction SilentlyContinue
        $found.Count | Should -Be 2
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CodeEnvNotFound,*'
    }

    It 'merges Verbose into the output with 4>&1' {
        $records = Remove-CodeEnvPackage adm-b -PackageName tabulate -Verbose 4>&1
        ($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
    }

    It 'completes env names and enum values with TabExpansion2' {
        $line = "Get-CodeEnvPackage -Root '$script:root' -Name adm-"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'adm-a'
        $line = 'Set-CodeEnv -ContainerSelection '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('All', 'None', 'Selected')
    }

    It 'shows full help with every parameter of the syntax' {
        $help = Get-Help New-CodeEnv -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        ($help.syntax.syntaxItem[0].parameter.name) | Should -Contain 'Requirement'
        (Get-Help Get-CodeEnvContainerConfig -Parameter ConfigName).globbing | Should -Be 'true'
    }

    It 'pipes Get-CodeEnv into Remove-CodeEnv with -Confirm:$false' {
        Get-CodeEnv adm-* | Remove-CodeEnv -Confirm:$false
        Get-CodeEnv adm-* | Should -BeNullOrEmpty
    }
}
