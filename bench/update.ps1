# Updates built beside the current venv and switched to, and restores of a kept venv, side by side on the same packages
# against what an admin would run instead:
#   Update-CodeEnv (one package changed: a new venv linked from the package store beside, checked, switched)  vs  pip install -r in place
#   Restore-CodeEnv to a revision whose venv is kept (a switch)                          vs  pip install -r of the old lines in place
# and the switch itself, as the engine reports it. CodeEnv runs through the hosted PowerShell engine, so cmdlet overhead counts.
#   dotnet run -c Release --project src/CodeEnv.Shell -- -File bench/update.ps1 [-Version 3.12] [-Packages 50] [-Runs 3]
param([string] $Version = '3.12', [int] $Packages = 50, [int] $Runs = 3)
$ErrorActionPreference = 'Stop'
. ([System.IO.Path]::Combine($PSScriptRoot, 'Stats.ps1'))
. ([System.IO.Path]::Combine($PSScriptRoot, 'OfflineRoot.ps1'))
. ([System.IO.Path]::Combine($PSScriptRoot, '..', 'examples', 'DemoWheel.ps1'))

$python = @(Get-CodeEnvPython -Version $Version | Where-Object SupportsVenv)[0]
$bench = New-OfflineBenchRoot
$work = $bench.Work; $root = $bench.Root; $links = $bench.Links

function Lines([string] $first) {
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add("bench-pkg-0==$first")
    for ($i = 1; $i -lt $Packages; $i++) { $lines.Add("bench-pkg-$i>=1.0") }
    , $lines
}

try {
    # Chains of ten, so pip resolves real dependencies; bench-pkg-0 exists in two versions, the one an update changes.
    for ($i = 0; $i -lt $Packages; $i++) {
        $requires = if ($i % 10 -ne 9) { @("bench-pkg-$($i + 1)>=1.0") } else { @() }
        New-DemoWheel $links "bench-pkg-$i" '1.0.0' -requires $requires | Out-Null
    }
    New-DemoWheel $links 'bench-pkg-0' '1.1.0' -requires @('bench-pkg-1>=1.0') | Out-Null

    $env = New-CodeEnv -Name bench -Interpreter $python.Path -Requirement (Lines '1.0.0') -Root $root
    # What an admin without CodeEnv updates: one venv, changed in place by pip.
    $plain = [System.IO.Path]::Combine($work, 'plain')
    & $python.Path -m venv $plain
    $plainPython = [System.IO.Path]::Combine($plain, 'bin', 'python')
    $requirements = @{}
    foreach ($version in '1.0.0', '1.1.0') {
        $requirements[$version] = [System.IO.Path]::Combine($work, "lines-$version.txt")
        [System.IO.File]::WriteAllLines($requirements[$version], (Lines $version))
    }
    & $plainPython -m pip install --disable-pip-version-check --no-index --find-links $links -r $requirements['1.0.0'] | Out-Null

    $update = [System.Collections.Generic.List[double]]::new(); $pipUpdate = [System.Collections.Generic.List[double]]::new()
    $restore = [System.Collections.Generic.List[double]]::new(); $pipRestore = [System.Collections.Generic.List[double]]::new()
    $switch = [System.Collections.Generic.List[double]]::new()
    for ($run = 0; $run -lt $Runs; $run++) {
        # Update: 1.0.0 -> 1.1.0, built beside and switched; pip in place does the same change to the plain venv.
        Set-CodeEnvPackage -Name bench -Root $root -Requirement (Lines '1.1.0')
        $before = (Get-CodeEnv -Name bench -Root $root).Revision - 1
        $update.Add((Time { Update-CodeEnv -Name bench -Root $root }))
        $pipUpdate.Add((Time { & $plainPython -m pip install --disable-pip-version-check --no-index --find-links $links -r $requirements['1.1.0'] }))

        # Restore: back to the revision before, whose venv is kept; pip in place goes back to the old lines.
        $verbose = $null
        $restore.Add((Time { $script:verbose = Restore-CodeEnv -Name bench -Root $root -Revision $before -Verbose 4>&1 }))
        $pipRestore.Add((Time { & $plainPython -m pip install --disable-pip-version-check --no-index --find-links $links -r $requirements['1.0.0'] }))
        foreach ($line in $verbose) {
            if ("$line" -match 'switched in ([0-9.]+) ms') { $switch.Add([double]$Matches[1]) }
        }
    }

    $installed = @(Get-CodeEnvInstalledPackage -Name bench -Root $root).Count
    "Python $($python.Version), $installed installed packages, one of them changed; $Runs runs each, milliseconds (median, min-max)"
    '  Update-CodeEnv (built beside, switched) : {0,9:N1}  ({1})' -f (Median $update), (Spread $update 'N1')
    '  pip install -r in place                 : {0,9:N1}  ({1})' -f (Median $pipUpdate), (Spread $pipUpdate 'N1')
    '  ratio                                   : {0,9:N2}x faster than pip in place, though built beside and switched (no process sees it half-changed)   target: 3x' -f ((Median $pipUpdate) / (Median $update))
    '  Restore-CodeEnv to a kept revision      : {0,9:N1}  ({1})   target: under 1,000 ms' -f (Median $restore), (Spread $restore 'N1')
    '  pip install -r of the old lines in place: {0,9:N1}  ({1})' -f (Median $pipRestore), (Spread $pipRestore 'N1')
    '  ratio                                   : {0,9:N1}x faster' -f ((Median $pipRestore) / (Median $restore))
    if ($switch.Count -gt 0) {
        '  the switch itself (engine, Verbose)     : {0,9:N1}  ({1})' -f (Median $switch), (Spread $switch 'N1')
    }
}
finally {
    [System.IO.Directory]::Delete($work, $true)
}
