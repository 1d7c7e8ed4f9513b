# Package reads and no-op updates, side by side on the same env, against what an admin would run instead:
#   Get-CodeEnvInstalledPackage     vs  python -m pip list --format json
#   Update-CodeEnv (nothing to do)  vs  python -m pip install -r <the same lines> (nothing to do)
# CodeEnv runs through the hosted PowerShell engine, so cmdlet overhead counts.
#   dotnet run -c Release --project src/CodeEnv.Shell -- -File bench/packages.ps1 [-Version 3.12] [-Packages 50,500] [-Runs 5]
param([string] $Version = '3.12', [int[]] $Packages = @(50, 500), [int] $Runs = 5)
$ErrorActionPreference = 'Stop'
. ([System.IO.Path]::Combine($PSScriptRoot, 'Stats.ps1'))
. ([System.IO.Path]::Combine($PSScriptRoot, 'OfflineRoot.ps1'))
. ([System.IO.Path]::Combine($PSScriptRoot, '..', 'examples', 'DemoWheel.ps1'))

$python = @(Get-CodeEnvPython -Version $Version | Where-Object SupportsVenv)[0]
$bench = New-OfflineBenchRoot
$work = $bench.Work; $root = $bench.Root; $links = $bench.Links

"Python $($python.Version), $Runs runs each, milliseconds (median, min-max)"
try {
    foreach ($count in $Packages) {
        # count packages in chains of ten, so pip resolves real dependencies.
        $lines = [System.Collections.Generic.List[string]]::new()
        for ($i = 0; $i -lt $count; $i++) {
            $requires = if ($i % 10 -ne 9) { @("bench-pkg-$($i + 1)>=1.0") } else { @() }
            if (-not [System.IO.File]::Exists([System.IO.Path]::Combine($links, "bench_pkg_$i-1.0.0-py3-none-any.whl"))) {
                New-DemoWheel $links "bench-pkg-$i" '1.0.0' -requires $requires | Out-Null
            }
            $lines.Add("bench-pkg-$i>=1.0")
        }

        $name = "bench$count"
        $env = New-CodeEnv -Name $name -Interpreter $python.Path -Requirement $lines -Root $root
        $requirements = [System.IO.Path]::Combine($work, "$name.txt")
        [System.IO.File]::WriteAllLines($requirements, $lines)
        $installed = @(Get-CodeEnvInstalledPackage -Name $name -Root $root).Count

        $ours = [System.Collections.Generic.List[double]]::new(); $pipList = [System.Collections.Generic.List[double]]::new()
        $noop = [System.Collections.Generic.List[double]]::new(); $pipNoop = [System.Collections.Generic.List[double]]::new()
        for ($run = 0; $run -lt $Runs; $run++) {
            $ours.Add((Time { Get-CodeEnvInstalledPackage -Name $name -Root $root }))
            $pipList.Add((Time { & $env.PythonPath -m pip list --format json --disable-pip-version-check }))
            $noop.Add((Time { Update-CodeEnv -Name $name -Root $root }))
            $pipNoop.Add((Time { & $env.PythonPath -m pip install --disable-pip-version-check --no-index --find-links $links -r $requirements }))
        }

        ''
        "$installed installed packages ($count requested):"
        '  Get-CodeEnvInstalledPackage : {0,8:N1}  ({1})' -f (Median $ours), (Spread $ours 'N1')
        '  pip list --format json      : {0,8:N1}  ({1})' -f (Median $pipList), (Spread $pipList 'N1')
        '  ratio                       : {0,8:N1}x faster' -f ((Median $pipList) / (Median $ours))
        '  Update-CodeEnv (no-op)      : {0,8:N1}  ({1})' -f (Median $noop), (Spread $noop 'N1')
        '  pip install -r (no-op)      : {0,8:N1}  ({1})' -f (Median $pipNoop), (Spread $pipNoop 'N1')
        '  ratio                       : {0,8:N1}x faster' -f ((Median $pipNoop) / (Median $noop))
    }
}
finally {
    [System.IO.Directory]::Delete($work, $true)
}
