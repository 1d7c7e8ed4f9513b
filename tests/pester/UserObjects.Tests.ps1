# What a pwsh user met with CodeEnv's objects: the README's cleanup and maintenance filters, sorting by version, lists
# and views as text, and owners that must be accounts of this machine.
BeforeDiscovery {
    # Tests that create and delete a user account run as root (useradd, userdel), as CI does.
    $script:isRoot = $IsLinux -and (id -u) -eq '0'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Initialize-TestRoot | Out-Null
    # Offline: a requirement no wheel satisfies fails at once instead of asking an index.
    Set-CodeEnvRoot -NoIndex
    $script:python = Get-TestPythonVersion
    $script:readme = Get-Content -Raw (Join-Path $script:repo 'README.md')

    # The one code span of the README that contains all of the given fragments, as written there.
    function Get-ReadmeCode([string[]] $fragments) {
        $spans = [regex]::Matches($script:readme, '`([^`\r\n]+)`') | ForEach-Object { $_.Groups[1].Value } |
            Where-Object { $span = $_; -not ($fragments | Where-Object { -not $span.Contains($_) }) }
        @($spans).Count | Should -Be 1 -Because "the README has one code span with $($fragments -join ' and ')"
        $spans
    }

    # A user account for a test that needs one to exist and then to be gone (root only: useradd, userdel).
    function New-TestAccount {
        $name = 'ce-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        useradd -M -s /bin/sh $name
        $LASTEXITCODE | Should -Be 0
        $name
    }
}

AfterAll {
    Remove-TestRoot
}

Describe 'Cleaning up idle envs' {
    It 'leaves an env created minutes ago alone when the README''s scheduled cleanup runs, though it never ran' {
        New-CodeEnv -Name fresh -PythonVersion $script:python -NoInstall | Out-Null
        $cleanup = Get-ReadmeCode 'Remove-CodeEnv', 'AddDays(-90)'

        # As in a scheduled job, where nobody answers a prompt.
        $ConfirmPreference = 'None'
        Invoke-Expression $cleanup

        (Get-CodeEnv fresh).Name | Should -Be 'fresh'
    }

    It 'says an env that never ran has been idle since it was created' {
        $env = New-CodeEnv -Name never-ran -PythonVersion $script:python -NoInstall

        $env.LastUsed | Should -BeNullOrEmpty
        $env.IdleSince | Should -Be $env.CreatedAt
    }
}

Describe 'Maintenance jobs' {
    BeforeAll {
        New-CodeEnv -Name ready-env -PythonVersion $script:python | Out-Null
        New-CodeEnv -Name outdated-env -PythonVersion $script:python -NoInstall | Out-Null
        New-CodeEnv -Name failed-env -PythonVersion $script:python | Out-Null
        Add-CodeEnvPackage failed-env 'no-such-package-anywhere'
        Update-CodeEnv failed-env -ErrorAction SilentlyContinue
    }

    It 'picks the Failed and the Outdated env with Where-Object NeedsUpdate, and not the Ready one' {
        (Get-CodeEnv *-env | ForEach-Object { "$($_.Name)=$($_.State)" }) | Sort-Object |
            Should -Be @('failed-env=Failed', 'outdated-env=Outdated', 'ready-env=Ready')

        (Get-CodeEnv *-env | Where-Object NeedsUpdate | ForEach-Object Name | Sort-Object) | Should -Be @('failed-env', 'outdated-env')
    }

    It 'takes IdleSince from LastUsed once the env has a venv' {
        $env = Get-CodeEnv ready-env

        $env.LastUsed | Should -Not -BeNullOrEmpty
        $env.IdleSince | Should -Be $env.LastUsed
    }
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

Describe 'Lists and views as text' {
    BeforeAll {
        New-CodeEnvContainerConfig -ConfigName slim -BaseImage python:3.12-slim | Out-Null
        New-CodeEnv -Name listed -PythonVersion $script:python -NoInstall -Requirement 'tabulate', 'six>=1.16' -PackageSet 'Visual Machine Learning' -ContainerSelection Selected -ContainerConfig slim | Out-Null
        Grant-CodeEnvPermission listed -Group analysts -Permission UpdatePackages
    }

    It 'writes an env''s lists to CSV as their items' {
        $env = Get-CodeEnv listed
        $csv = Join-Path $TestDrive 'envs.csv'

        $env | Export-Csv -Path $csv -NoTypeInformation
        $row = Import-Csv $csv

        $row.RequestedPackages | Should -Be (@($env.RequestedPackages) -join ', ')
        $row.RequestedPackages | Should -BeLike 'tabulate, six>=1.16, *'
        $row.PackageSets | Should -Be 'Visual Machine Learning'
        $row.ContainerConfig | Should -Be 'slim'
        $row.GroupPermissions | Should -Be 'analysts: UpdatePackages'
    }

    It 'writes the root''s lists to CSV as their items' {
        $root = Get-CodeEnvRoot
        $csv = Join-Path $TestDrive 'root.csv'

        $root | Export-Csv -Path $csv -NoTypeInformation
        $row = Import-Csv $csv

        $row.Administrators | Should -Be ([System.Environment]::UserName)
        $row.PackageSets | Should -Be (@($root.PackageSets.Keys) -join ', ')
        $row.ContainerConfigs | Should -Be 'slim'
    }

    It 'writes no .NET type name for a list property of any CodeEnv object' {
        $objects = @(
            Get-CodeEnv listed
            Get-CodeEnvRoot
            Test-CodeEnv listed
            Get-CodeEnvHistory listed | Select-Object -First 1
            Get-CodeEnvPackageSet 'Visual Machine Learning'
        )

        $cells = $objects | ForEach-Object { $_ | ConvertTo-Csv -NoTypeInformation | Select-Object -Skip 1 }

        $cells | Should -Not -Match 'System\.|`1\['
    }

    It 'keeps list properties lists for scripts: indexing, foreach, -contains and JSON arrays' {
        $env = Get-CodeEnv listed

        $env.RequestedPackages[0] | Should -Be 'tabulate'
        @($env.RequestedPackages | ForEach-Object { $_ }).Count | Should -Be $env.RequestedPackages.Count
        $env.RequestedPackages -contains 'six>=1.16' | Should -BeTrue
        $env.GroupPermissions[0].Group | Should -Be 'analysts'
        (Get-CodeEnvRoot).PackageSets['Visual Machine Learning'] -contains 'scipy' | Should -BeTrue
        $json = $env | Select-Object RequestedPackages, ContainerConfig | ConvertTo-Json -Compress
        $json | Should -Match '^\{"RequestedPackages":\["tabulate","six>=1.16",.*\],"ContainerConfig":\["slim"\]\}$'
    }

    It 'shows each of the root''s package sets with its packages in Format-List *' {
        $text = Get-CodeEnvRoot | Format-List -Property PackageSets | Out-String -Width 400

        $text | Should -Match '\[Visual Machine Learning, scipy, scikit-learn, jinja2, xgboost\]'
    }

    It 'shows the root''s package sources and retention in its default view' {
        $text = Get-CodeEnvRoot | Out-String -Width 400

        $text | Should -Match '(?m)^NoIndex\s+: True$'
        $text | Should -Match '(?m)^ContainerConfigs\s+: slim$'
        $text | Should -Match '(?m)^KeptVenvs\s+: 2$'
    }

    It 'names in every format view only properties that its object has' {
        $engine = (Get-CodeEnvRoot).GetType().Assembly
        [xml] $views = Get-Content -Raw (Join-Path $script:repo 'module/CodeEnv.Format.ps1xml')

        $missing = foreach ($view in $views.Configuration.ViewDefinitions.View) {
            $type = $engine.GetType($view.ViewSelectedBy.TypeName, $true)
            foreach ($property in $view.SelectNodes('.//PropertyName').'#text') {
                if (-not $type.GetProperty($property)) { "$($view.Name).$property" }
            }
        }

        $missing | Should -BeNullOrEmpty
    }
}

Describe 'Owners' {
    BeforeAll {
        New-CodeEnv -Name owned -PythonVersion $script:python -NoInstall | Out-Null
    }

    It 'refuses an owner account this machine does not have, with ObjectNotFound, and keeps the owner' {
        $before = (Get-CodeEnv owned).Owner
        $err = $null

        Set-CodeEnv owned -Owner 'no-such-account-here' -ErrorVariable err -ErrorAction SilentlyContinue

        $err.Count | Should -Be 1
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'OwnerAccountNotFound,*'
        $err[0].Exception.Message | Should -BeLike "*'no-such-account-here' is not a user account on this machine*getent passwd*"
        (Get-CodeEnv owned).Owner | Should -Be $before
    }

    It 'gives an env to an account this machine has' {
        (Set-CodeEnv owned -Owner nobody -PassThru).Owner | Should -Be 'nobody'
    }

    It 'restores a revision whose owner account is gone, keeping the current owner and saying so' -Skip:(-not $script:isRoot) {
        $gone = New-TestAccount
        try {
            New-CodeEnv -Name handed -PythonVersion $script:python -NoInstall | Out-Null
            Set-CodeEnv handed -Owner $gone
            Add-CodeEnvPackage handed 'tabulate'
            Set-CodeEnv handed -Owner root
        }
        finally {
            userdel $gone
        }

        $restored = Restore-CodeEnv handed -Revision 3 -DefinitionOnly -PassThru -WarningVariable warnings -WarningAction SilentlyContinue

        $restored.Owner | Should -Be 'root'
        $restored.RequestedPackages | Should -Be @('tabulate')
        $warnings | Should -BeLike "*'$gone'*not a user account on this machine*"
    }

    It 'still takes Get-CodeEnv''s output, owner included, for an env whose owner account is gone' -Skip:(-not $script:isRoot) {
        $gone = New-TestAccount
        try {
            New-CodeEnv -Name orphan -PythonVersion $script:python -NoInstall | Out-Null
            Set-CodeEnv orphan -Owner $gone
        }
        finally {
            userdel $gone
        }

        (Get-CodeEnv orphan | Set-CodeEnv -Description 'still editable' -PassThru).Description | Should -Be 'still editable'
    }
}
