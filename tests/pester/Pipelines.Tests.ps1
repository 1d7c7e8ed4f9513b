# What administrators' scripts do with CodeEnv and pwsh's standard cmdlets: select, sort, group, export, format,
# -WhatIf and -Confirm, error handling, tab completion and help. The envs are definitions only (-NoInstall): no venv is
# needed to pipe them.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Initialize-TestRoot | Out-Null

    # The text the host shows while the script block runs (What if: lines), read back from a transcript.
    function Get-HostText([scriptblock] $script) {
        $transcript = Join-Path $TestDrive "host-$([guid]::NewGuid().ToString('N')).txt"
        Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
        try { & $script | Out-Null }
        finally { Stop-Transcript | Out-Null }
        Get-Content -Raw $transcript
    }

    function Get-Completion([string] $line) {
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
    }
}

AfterAll {
    Remove-TestRoot
}

Describe 'Selecting, sorting and grouping envs' {
    BeforeAll {
        New-CodeEnv -Name sel-a -PythonVersion 3.11 -NoInstall -Requirement 'tabulate' | Out-Null
        New-CodeEnv -Name sel-b -PythonVersion 3.12 -NoInstall -Requirement 'tabulate', 'pandas>=2' | Out-Null
        Set-CodeEnv sel-b -Description 'reporting'
        New-CodeEnv -Name sel-c -PythonVersion 3.11 -NoInstall -JupyterSupport | Out-Null
        Grant-CodeEnvPermission sel-c -Group analysts -Permission UpdatePackages
        New-CodeEnv -Name sel-d -PythonVersion 3.12 -NoInstall | Out-Null
    }

    It 'Where-Object filters on a property by name' {
        (Get-CodeEnv sel-* | Where-Object Description -eq 'reporting').Name | Should -Be 'sel-b'
        (Get-CodeEnv sel-* | Where-Object JupyterSupport).Name | Should -Be 'sel-c'
    }

    It 'Select-Object computes calculated properties from the flat objects' {
        $rows = Get-CodeEnv sel-* | Select-Object Name,
            @{ Name = 'Packages'; Expression = { $_.RequestedPackages.Count } },
            @{ Name = 'Groups'; Expression = { $_.GroupPermissions.Group -join ',' } }
        ($rows | Where-Object Name -eq 'sel-b').Packages | Should -Be 2
        ($rows | Where-Object Name -eq 'sel-c').Groups | Should -Be 'analysts'
    }

    It 'Sort-Object orders on several keys, each in its own direction' {
        $sorted = Get-CodeEnv sel-* | Sort-Object @{ Expression = 'Revision'; Descending = $true }, PythonVersion, Name
        $sorted.Name | Should -Be 'sel-c', 'sel-b', 'sel-a', 'sel-d'
    }

    It 'Group-Object counts the envs of each Python version' {
        $groups = Get-CodeEnv sel-* | Group-Object { $_.PythonVersion -replace '^(\d+\.\d+).*', '$1' } | Sort-Object Name
        $groups.Name | Should -Be '3.11', '3.12'
        $groups | ForEach-Object Count | Should -Be 2, 2
        $groups[0].Group.Name | Should -Be 'sel-a', 'sel-c'
    }
}

Describe 'Exporting envs' {
    BeforeAll {
        New-CodeEnv -Name exp-a -PythonVersion 3.11 -NoInstall -Requirement 'tabulate' | Out-Null
        New-CodeEnv -Name exp-b -PythonVersion 3.12 -NoInstall -JupyterSupport | Out-Null
        Grant-CodeEnvPermission exp-b -Group analysts -Permission UpdatePackages
        New-CodeEnvContainerConfig -ConfigName exp-slim -BaseImage python:3.12-slim | Out-Null
    }

    It 'Export-Csv and Import-Csv bring back the scalar properties as they were' {
        $csv = Join-Path $TestDrive 'envs.csv'
        $properties = 'Name', 'PythonVersion', 'State', 'Owner', 'Revision', 'JupyterSupport', 'UsableByAll'
        $envs = Get-CodeEnv exp-* | Sort-Object Name
        $envs | Select-Object $properties | Export-Csv -Path $csv
        $rows = Import-Csv $csv | Sort-Object Name
        $rows.Count | Should -Be 2
        foreach ($property in $properties) {
            $rows.$property | Should -Be ($envs.$property | ForEach-Object { "$_" }) -Because "the CSV's $property column holds each env's $property"
        }
    }

    It 'Import-Csv rows pipe into Set-CodeEnv by property name' {
        $csv = Join-Path $TestDrive 'descriptions.csv'
        Set-Content -Path $csv -Value 'Name,Description', 'exp-a,nightly reports', 'exp-b,forecasts'
        $changed = Import-Csv $csv | Set-CodeEnv -PassThru
        $changed.Name | Should -Be 'exp-a', 'exp-b'
        (Get-CodeEnv exp-* | Sort-Object Name).Description | Should -Be 'nightly reports', 'forecasts'
    }

    It 'ConvertTo-Json at its default depth writes all of <Command>' -ForEach @(
        @{ Command = 'Get-CodeEnv exp-b' }
        @{ Command = 'Get-CodeEnvRoot' }
        @{ Command = 'Get-CodeEnvPackage exp-b' }
        @{ Command = 'Get-CodeEnvPermission exp-b' }
        @{ Command = 'Get-CodeEnvHistory exp-b' }
        @{ Command = 'Test-CodeEnv exp-b' }
    ) {
        $objects = & ([scriptblock]::Create($Command))
        $warnings = $null
        $json = $objects | ConvertTo-Json -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -BeNullOrEmpty
        $json | Should -Be ($objects | ConvertTo-Json -Depth 20)
    }

    It 'ConvertTo-Json writes states and permissions as numbers, and by name with -EnumsAsStrings' {
        $info = Get-CodeEnv exp-b
        $plain = $info | ConvertTo-Json | ConvertFrom-Json
        $named = $info | ConvertTo-Json -EnumsAsStrings | ConvertFrom-Json
        $plain.State | Should -BeOfType [long]
        $named.State | Should -Be 'Outdated'
        $named.GroupPermissions[0].Group | Should -Be 'analysts'
        $named.GroupPermissions[0].Permission | Should -Be 'UpdatePackages'
    }
}

Describe 'The module''s format views' {
    BeforeAll {
        New-CodeEnv -Name fmt-a -PythonVersion 3.11 -NoInstall -Description 'formatted' | Out-Null
    }

    It 'Format-Table shows envs with the columns of the module''s table view' {
        $text = Get-CodeEnv fmt-a | Format-Table | Out-String
        $header = ($text -split '\r?\n' | Where-Object { $_.Trim() })[0]
        -split $header | Should -Be 'Name', 'Python', 'State', 'Owner', 'Rev', 'Description'
        $text | Should -Match 'fmt-a\s+3\.11\.\S+\s+Outdated\s+\S+\s+1 formatted'
    }

    It 'Format-List shows the default display properties, and Format-List * every property' {
        $labels = { param($text) @($text -split '\r?\n' | Where-Object { $_ -match '^(\w+)\s*:' } | ForEach-Object { $Matches[1] }) }
        & $labels (Get-CodeEnv fmt-a | Format-List | Out-String) | Should -Be 'Name', 'PythonVersion', 'State', 'Owner', 'Revision', 'Description'
        $all = & $labels (Get-CodeEnv fmt-a | Format-List * | Out-String)
        $all | Should -Contain 'GroupPermissions'
        $all | Should -Contain 'KeptVenvsSize'
    }

    It 'every property a format view shows exists on the object it formats' {
        [xml] $views = Get-Content -Raw (Join-Path (Split-Path $script:manifest) 'CodeEnv.Format.ps1xml')
        $assembly = (Get-CodeEnvRoot).GetType().Assembly
        $missing = foreach ($view in $views.Configuration.ViewDefinitions.View) {
            $typeName = $view.ViewSelectedBy.TypeName
            $type = $assembly.GetType($typeName)
            if (-not $type) { "$typeName (no such type)"; continue }
            foreach ($property in $view.SelectNodes('.//PropertyName').InnerText) {
                if (-not $type.GetProperty($property)) { "$typeName.$property" }
            }
        }
        $missing | Should -BeNullOrEmpty
    }
}

Describe '-WhatIf and -Confirm' {
    BeforeEach {
        $script:name = 'conf-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        New-CodeEnv -Name $name -PythonVersion 3.11 -NoInstall -Requirement 'tabulate' | Out-Null
    }

    It 'Set-CodeEnv -WhatIf says what it would do and leaves the revision as it was' {
        $text = Get-HostText { Set-CodeEnv $name -Description 'changed' -WhatIf }
        $text | Should -Match ([regex]::Escape("What if: Performing the operation ""Set CodeEnv environment"" on target ""$name"""))
        $info = Get-CodeEnv $name
        $info.Revision | Should -Be 1
        $info.Description | Should -Be ''
    }

    It 'asks once per env that the pipeline brings under -WhatIf' {
        $second = "$name-2"
        New-CodeEnv -Name $second -PythonVersion 3.11 -NoInstall | Out-Null
        $text = Get-HostText { Get-CodeEnv $name, $second | Set-CodeEnv -Description 'changed' -WhatIf }
        ([regex]::Matches($text, 'What if: ')).Count | Should -Be 2
        (Get-CodeEnv $name, $second).Revision | Should -Be 1, 1
    }

    It 'Remove-CodeEnv -WhatIf keeps the env' {
        $text = Get-HostText { Remove-CodeEnv $name -WhatIf }
        $text | Should -Match 'What if: Performing the operation "Remove CodeEnv environment"'
        (Get-CodeEnv $name).Name | Should -Be $name
    }

    It 'Update-CodeEnv -WhatIf builds no venv and leaves the env Outdated' {
        $text = Get-HostText { Update-CodeEnv $name -WhatIf }
        $text | Should -Match 'What if: '
        $info = Get-CodeEnv $name
        $info.State | Should -Be 'Outdated'
        $info.VenvPath | Should -Not -Exist
    }

    It 'Remove-CodeEnv asks first, and answering No keeps the env' {
        $run = Invoke-ChildPwsh -ArgumentList '-Command', "Import-Module '$script:manifest'; Remove-CodeEnv $name -Root '$script:root'" -InputText "N`n"
        $run.Output | Should -Contain 'Are you sure you want to perform this action?'
        (Get-CodeEnv $name).Name | Should -Be $name
    }

    It 'Remove-CodeEnv asks first, and answering Yes removes the env' {
        $run = Invoke-ChildPwsh -ArgumentList '-Command', "Import-Module '$script:manifest'; Remove-CodeEnv $name -Root '$script:root'" -InputText "Y`n"
        $run.Output | Should -Contain 'Are you sure you want to perform this action?'
        Get-CodeEnv $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'a -NonInteractive pwsh that would have to ask stops with ConfirmationNotPossible (InvalidOperation) and removes nothing' {
        $script = "Import-Module '$script:manifest'; try { Remove-CodeEnv $name -Root '$script:root' } catch { `$_.FullyQualifiedErrorId; [string]`$_.CategoryInfo.Category }"
        $run = Invoke-ChildPwsh -ArgumentList '-NonInteractive', '-Command', $script
        $run.Output | Should -Be 'ConfirmationNotPossible,CodeEnv.Cmdlets.Commands.RemoveCodeEnvCommand', 'InvalidOperation' -Because ($run.Errors -join "`n")
        (Get-CodeEnv $name).Name | Should -Be $name
    }

    It 'Get-CodeEnv | Remove-CodeEnv -Confirm:$false removes every env the pipeline brings, without asking' {
        New-CodeEnv -Name "$name-2" -PythonVersion 3.11 -NoInstall | Out-Null
        Get-CodeEnv "$name*" | Remove-CodeEnv -Confirm:$false
        Get-CodeEnv "$name*" | Should -BeNullOrEmpty
    }

    It '$ConfirmPreference = ''None'' lets Remove-CodeEnv remove without asking' {
        $ConfirmPreference = 'None'
        Remove-CodeEnv $name
        Get-CodeEnv $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It '-Confirm:$false changes the env even when $ConfirmPreference asks for every change' {
        $ConfirmPreference = 'Low'
        Set-CodeEnv $name -Description 'unattended' -Confirm:$false
        (Get-CodeEnv $name).Description | Should -Be 'unattended'
    }
}

Describe 'Errors in scripts' {
    BeforeAll {
        New-CodeEnv -Name err-a -PythonVersion 3.11 -NoInstall -Requirement 'tabulate' | Out-Null
        New-CodeEnv -Name err-b -PythonVersion 3.11 -NoInstall | Out-Null
    }

    It '-ErrorAction Stop makes a missing env a catchable error with its id, category and target' {
        $caught = $null
        try { Get-CodeEnv no-such-env -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'CodeEnvNotFound,CodeEnv.Cmdlets.Commands.GetCodeEnvCommand'
        $caught.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $caught.TargetObject | Should -Be 'no-such-env'
    }

    It '$ErrorActionPreference = ''Stop'' ends a script at its first CodeEnv error' {
        $progress = @{ Reached = $false }
        { $ErrorActionPreference = 'Stop'; Set-CodeEnv no-such-env -Description 'x'; $progress.Reached = $true } | Should -Throw -ErrorId 'CodeEnvNotFound,*'
        $progress.Reached | Should -BeFalse
    }

    It '-ErrorVariable collects the error of one item while the others go on' {
        $problems = $null
        $found = Get-CodeEnv err-a, missing-env, err-b -ErrorVariable problems -ErrorAction SilentlyContinue
        $found.Name | Should -Be 'err-a', 'err-b'
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CodeEnvNotFound,*'
    }

    It '$? is False after a call that wrote an error, and True after one that did not' {
        Get-CodeEnv no-such-env -ErrorAction SilentlyContinue
        $afterFailure = $?
        $null = Get-CodeEnv err-a
        $afterSuccess = $?
        $afterFailure | Should -BeFalse
        $afterSuccess | Should -BeTrue
    }

    It '4>&1 merges Verbose into the output' {
        $records = Remove-CodeEnvPackage err-a -PackageName tabulate -Verbose 4>&1
        ($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
    }
}

Describe 'Tab completion' {
    BeforeAll {
        New-CodeEnv -Name tab-a -PythonVersion 3.11 -NoInstall -Requirement 'tabulate', 'pandas>=2' | Out-Null
        Set-CodeEnv tab-a -Description 'second revision'
        New-CodeEnv -Name tab-b -PythonVersion 3.11 -NoInstall | Out-Null
        New-CodeEnvContainerConfig -ConfigName tab-slim -BaseImage python:3.12-slim | Out-Null
    }

    It 'completes env names of the root on the command line, by prefix in any case' {
        Get-Completion "Get-CodeEnvPackage -Root '$script:root' -Name TAB-" | Should -Be 'tab-a', 'tab-b'
    }

    It 'completes env names of the root in $env:CODEENV_ROOT' {
        $before = $env:CODEENV_ROOT
        $env:CODEENV_ROOT = $script:root
        try { Get-Completion 'Update-CodeEnv -Name tab-' | Should -Be 'tab-a', 'tab-b' }
        finally { $env:CODEENV_ROOT = $before }
    }

    It 'completes Python versions of the interpreters on this machine' {
        $versions = Get-Completion 'New-CodeEnv -Name x -PythonVersion 3.1'
        $versions | Should -Contain '3.11'
        $versions | Should -Contain '3.12'
    }

    It 'completes package set names, quoted when they hold spaces' {
        Get-Completion "Add-CodeEnvPackageSet -Root '$script:root' -Name tab-a -SetName Vis" | Should -Be "'Visual Machine Learning'"
    }

    It 'completes container config names' {
        Get-Completion "Set-CodeEnv -Root '$script:root' -Name tab-a -ContainerConfig tab-" | Should -Be 'tab-slim'
    }

    It 'completes an env''s revisions, newest first' {
        Get-Completion "Restore-CodeEnv -Root '$script:root' -Name tab-a -Revision " | Should -Be '2', '1'
    }

    It 'completes the package names an env requests' {
        Get-Completion "Remove-CodeEnvPackage -Root '$script:root' -Name tab-a -PackageName " | Should -Be 'tabulate', 'pandas'
    }

    It 'completes the values of an enum parameter' {
        Get-Completion 'Set-CodeEnv -ContainerSelection ' | Should -Be 'All', 'None', 'Selected'
    }
}

Describe 'Help from the module' {
    It 'Get-Help -Examples shows, for every cmdlet, an example that calls it' {
        $without = Get-Command -Module CodeEnv | Where-Object {
            $name = $_.Name
            -not ((Get-Help $name -Examples).examples.example.code | Where-Object { $_ -match "\b$([regex]::Escape($name))\b" })
        }
        $without.Name | Should -BeNullOrEmpty
    }

    It 'Get-Help -Parameter says how a parameter binds from the pipeline' {
        $help = Get-Help New-CodeEnv -Parameter PythonVersion
        $help.pipelineInput | Should -Be 'True (ByPropertyName)'
        $help.description.Text | Should -Match '3\.11'
    }

    It 'Get-Help -Full lists every parameter in the syntax' {
        $help = Get-Help New-CodeEnv -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.syntax.syntaxItem[0].parameter.name | Should -Contain 'Requirement'
        (Get-Help Get-CodeEnvContainerConfig -Parameter ConfigName).globbing | Should -Be 'true'
    }

    It 'Get-Help about_CodeEnv shows the module''s concepts' {
        $topic = Get-Help about_CodeEnv
        $topic.Name | Should -Be 'about_CodeEnv'
        $topic.Category | Should -Be 'HelpFile'
        $topic | Should -Match 'SHORT DESCRIPTION'
    }
}
