# The README's "Using it" block as written, run line by line in a real pwsh, in the README's order. What cannot exist on
# a test machine is replaced by the table $substitutions below, in plain sight; every other character of every line runs
# as the README shows it. The README's other PowerShell examples are parsed and checked against the module's commands.
BeforeDiscovery {
    $readme = Get-Content -Raw (Join-Path $PSScriptRoot '../../README.md')
    # Each fenced powershell block with the heading it sits under.
    $script:blocks = foreach ($match in [regex]::Matches($readme, '(?ms)^```powershell\r?\n(.*?)^```')) {
        $heading = [regex]::Matches($readme.Substring(0, $match.Index), '(?m)^#+ (.+)$') | Select-Object -Last 1
        @{ Heading = $heading.Groups[1].Value.Trim(); Code = $match.Groups[1].Value }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:manifest -Force
    . (Join-Path $script:repo 'examples/DemoWheel.ps1')

    $readme = Get-Content -Raw (Join-Path $script:repo 'README.md')
    $usingIt = $readme.Substring($readme.IndexOf("`n## Using it"))
    $script:block = [regex]::Match($usingIt, '(?ms)^```powershell\r?\n(.*?)^```').Groups[1].Value

    # Everything the block's lines touch lives under one temp folder.
    $script:base = New-TestRootPath 'codeenv-readme'
    $script:root = Join-Path $base 'codeenv'
    $script:production = Join-Path $base 'production'
    $script:wheels = Join-Path $base 'wheels'
    $script:work = Join-Path $base 'work'

    $script:substitutions = [ordered]@{
        # There is no index at https://pypi.internal here: the root installs offline from a folder of stand-in wheels.
        '-IndexUrl https://pypi.internal/simple' = "-NoIndex -FindLinks '$wheels'"
        '/srv/codeenv'                           = $root
        '/srv/production'                        = $production
        # bob stands for any real account other than the caller: nobody is one on every Linux system.
        '-Owner bob'                             = '-Owner nobody'
    }

    $script:lines = @($block -split '\r?\n' | Where-Object { $_.Trim() } | ForEach-Object {
            $run = $_
            foreach ($from in $substitutions.Keys) { $run = $run.Replace($from, $substitutions[$from]) }
            [pscustomobject]@{ Readme = $_; Run = $run }
        })
    $script:next = 0

    # Runs the block's next line in the work folder, where its relative paths point, and returns its output. A line
    # that is not the next one, or that writes an error, fails the test.
    function Invoke-ReadmeLine([string] $startsWith) {
        $line = $script:lines[$script:next]
        $line.Readme | Should -BeLike "$startsWith*" -Because 'the README''s lines run in the README''s order'
        $script:next++
        Push-Location $script:work
        try {
            $ErrorActionPreference = 'Stop'
            & ([scriptblock]::Create($line.Run))
        }
        finally { Pop-Location }
    }

    # What the README's lines expect to find: stand-in wheels for what New-CodeEnv and the package set ask for (and
    # ipykernel, which Jupyter support adds), ./requirements.txt, ./dist/inhouse-1.4.0.tar.gz and a production root with
    # an env of the same name.
    New-Item -ItemType Directory -Path $wheels, $work, (Join-Path $work 'dist'), (Join-Path $work 'wheels') | Out-Null
    # Stand-ins for the setuptools and wheel wheels an admin downloads once for a -NoIndex root.
    New-DemoWheel (Join-Path $work 'wheels') 'setuptools' '75.1.0' | Out-Null
    New-DemoWheel (Join-Path $work 'wheels') 'wheel' '0.44.0' | Out-Null
    $standIns = @{ 'pandas' = '2.2.3'; 'tabulate' = '0.9.0'; 'ipykernel' = '6.29.5'; 'scipy' = '1.14.1'; 'scikit-learn' = '1.5.2'; 'jinja2' = '3.1.4'; 'xgboost' = '2.1.1' }
    foreach ($name in $standIns.Keys) { New-DemoWheel $wheels $name $standIns[$name] | Out-Null }
    $script:requirementsFile = 'pandas>=2.2', 'tabulate>=0.9'
    Set-Content -Path (Join-Path $work 'requirements.txt') -Value $requirementsFile
    $sdist = Join-Path $base 'sdist/inhouse-1.4.0'
    New-Item -ItemType Directory -Path $sdist | Out-Null
    Set-Content -Path (Join-Path $sdist 'PKG-INFO') -Value "Metadata-Version: 2.1`nName: inhouse`nVersion: 1.4.0"
    Set-Content -Path (Join-Path $sdist 'setup.py') -Value "from setuptools import setup`nsetup(name='inhouse', version='1.4.0')"
    tar -czf (Join-Path $work 'dist/inhouse-1.4.0.tar.gz') -C (Split-Path $sdist) 'inhouse-1.4.0'
    Initialize-CodeEnvRoot -Path $production | Out-Null
    New-CodeEnv -Name sales-forecast -PythonVersion 3.11 -NoInstall -Description 'forecasts' -Root $production | Out-Null

    $script:rootBefore = $env:CODEENV_ROOT
}

AfterAll {
    $env:CODEENV_ROOT = $script:rootBefore
    Remove-Item -Recurse -Force $script:base -ErrorAction SilentlyContinue
}

Describe 'The README''s "Using it" block, line by line' {
    It 'replaces only text the block holds' {
        foreach ($from in $substitutions.Keys) { $block | Should -Match ([regex]::Escape($from)) }
    }

    It 'Initialize-CodeEnvRoot makes a root whose administrator is the caller' {
        $settings = Invoke-ReadmeLine 'Initialize-CodeEnvRoot -Path /srv/codeenv'
        $settings.Root | Should -Be $root
        $settings.Administrators | Should -Contain ([Environment]::UserName)
    }

    It '$env:CODEENV_ROOT makes it the root of every cmdlet' {
        Invoke-ReadmeLine '$env:CODEENV_ROOT' | Out-Null
        (Get-CodeEnvRoot).Root | Should -Be $root
    }

    It 'Get-CodeEnvPython lists a Python 3.11 that can make venvs' {
        $interpreters = Invoke-ReadmeLine 'Get-CodeEnvPython'
        $interpreters | Where-Object { $_.SupportsVenv -and $_.Version -like '3.11.*' } | Should -Not -BeNullOrEmpty
    }

    It 'Set-CodeEnvRoot sets where packages come from and the base packages' {
        Invoke-ReadmeLine 'Set-CodeEnvRoot -IndexUrl' | Out-Null
        $settings = Get-CodeEnvRoot
        $settings.NoIndex | Should -BeTrue
        $settings.BasePackages | Should -Be 'pip>=23'
    }

    It 'New-CodeEnv builds a Ready env with the requested packages and Jupyter''s kernel package' {
        $created = Invoke-ReadmeLine 'New-CodeEnv -Name sales-forecast'
        $created.State | Should -Be 'Ready'
        $created.JupyterSupport | Should -BeTrue
        $installed = (Get-CodeEnvInstalledPackage sales-forecast).Name
        foreach ($name in 'pandas', 'tabulate', 'ipykernel') { $installed | Should -Contain $name }
        Join-Path $root 'jupyter/kernels/codeenv-sales-forecast/kernel.json' | Should -Exist
    }

    It 'Set-CodeEnvPackage -Path saves the file''s lines and leaves the env Outdated' {
        Invoke-ReadmeLine 'Set-CodeEnvPackage sales-forecast -Path ./requirements.txt' | Out-Null
        $forecast = Get-CodeEnv sales-forecast
        $forecast.RequestedPackages | Should -Be $requirementsFile
        $forecast.State | Should -Be 'Outdated'
    }

    It 'Add-CodeEnvPackageSet -Update adds the set and installs its packages' {
        Invoke-ReadmeLine 'Add-CodeEnvPackageSet sales-forecast' | Out-Null
        $forecast = Get-CodeEnv sales-forecast
        $forecast.PackageSets | Should -Be 'Visual Machine Learning'
        $forecast.State | Should -Be 'Ready'
        $installed = (Get-CodeEnvInstalledPackage sales-forecast).Name
        foreach ($name in 'scipy', 'scikit-learn', 'jinja2', 'xgboost') { $installed | Should -Contain $name }
    }

    It 'Update-CodeEnv of the envs that need it starts no pip when none does' {
        $logsBefore = @(Get-CodeEnvLog sales-forecast).Count
        Invoke-ReadmeLine 'Get-CodeEnv | Where-Object NeedsUpdate | Update-CodeEnv' | Should -BeNullOrEmpty
        @(Get-CodeEnvLog sales-forecast).Count | Should -Be $logsBefore
    }

    It 'Test-CodeEnv finds no env that is not Healthy' {
        Invoke-ReadmeLine 'Get-CodeEnv | Test-CodeEnv | Where-Object Status -ne Healthy' | Should -BeNullOrEmpty
        (Get-CodeEnv | Test-CodeEnv).Status | Should -Be 'Healthy'
    }

    It 'Publish-CodeEnvPackage puts the sdist into the wheelhouse' {
        $published = Invoke-ReadmeLine 'Publish-CodeEnvPackage ./dist/inhouse-1.4.0.tar.gz'
        $published.PackageName, $published.Version | Should -Be 'inhouse', '1.4.0'
        Join-Path $root 'wheelhouse/inhouse-1.4.0.tar.gz' | Should -Exist
    }

    It 'Get-ChildItem | Publish-CodeEnvPackage puts setuptools and wheel into the wheelhouse' {
        $published = Invoke-ReadmeLine 'Get-ChildItem ./wheels/setuptools-*.whl, ./wheels/wheel-*.whl | Publish-CodeEnvPackage'
        $published.PackageName | Should -Be 'setuptools', 'wheel'
    }

    It 'Set-CodeEnv -Owner gives every env the pipeline brings to the new owner' {
        $changed = Invoke-ReadmeLine 'Get-CodeEnv sales* | Set-CodeEnv -Owner bob -PassThru'
        $changed.Name | Should -Be 'sales-forecast'
        $changed.Owner | Should -Be 'nobody'
    }

    It 'Where-Object JupyterSupport filters on the flat property' {
        (Invoke-ReadmeLine 'Get-CodeEnv | Where-Object JupyterSupport').Name | Should -Be 'sales-forecast'
    }

    It 'New-CodeEnv from Get-CodeEnv builds a copy of the definition' {
        $copy = Invoke-ReadmeLine 'Get-CodeEnv sales-forecast | New-CodeEnv -Name sales-forecast-2'
        $original = Get-CodeEnv sales-forecast
        $copy.State | Should -Be 'Ready'
        $copy.PythonVersion | Should -Be $original.PythonVersion
        $copy.RequestedPackages | Should -Be $original.RequestedPackages
        $copy.PackageSets | Should -Be $original.PackageSets
        $copy.JupyterSupport | Should -BeTrue
    }

    It 'Set-CodeEnv -Root gives the env of that name in another root the same settings' {
        Invoke-ReadmeLine 'Get-CodeEnv sales-forecast | Set-CodeEnv -Root /srv/production' | Out-Null
        $there = Get-CodeEnv sales-forecast -Root $production
        $there.Owner | Should -Be 'nobody'
        $there.JupyterSupport | Should -BeTrue
        $there.Description | Should -Be ''
    }

    It 'Remove-CodeEnv -Confirm:$false removes the env without asking' {
        Invoke-ReadmeLine 'Remove-CodeEnv -Name sales-forecast -Confirm:$false' | Out-Null
        (Get-CodeEnv).Name | Should -Be 'sales-forecast-2'
    }

    It 'ran every line of the block' {
        $next | Should -Be $lines.Count
    }
}

Describe 'The README''s PowerShell examples' {
    It 'the block under "<Heading>" parses' -ForEach $blocks {
        $errors = $null
        [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$null, [ref]$errors) | Out-Null
        $errors | Should -BeNullOrEmpty
    }

    It 'the block under "<Heading>" names only CodeEnv cmdlets and parameters the module has' -ForEach $blocks {
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$null, [ref]$null)
        $unknown = foreach ($call in $ast.FindAll({ $args[0] -is [System.Management.Automation.Language.CommandAst] }, $true)) {
            $name = $call.GetCommandName()
            if ($name -notlike '*-CodeEnv*') { continue }
            $command = Get-Command $name -Module CodeEnv -ErrorAction SilentlyContinue
            if (-not $command) { $name; continue }
            $known = @($command.Parameters.Values | ForEach-Object { $_.Name; $_.Aliases })
            foreach ($parameter in $call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] }) {
                if (-not ($known -like "$($parameter.ParameterName)*")) { "$name -$($parameter.ParameterName)" }
            }
        }
        $unknown | Should -BeNullOrEmpty
    }
}
