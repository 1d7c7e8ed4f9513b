# Import-Module CodeEnv, cold, in fresh processes: the codeenv shell started with -NoModule times the import itself.
#   dotnet run -c Release --project src/CodeEnv.Shell -- -File bench/import.ps1 [-Runs 5]
param([int] $Runs = 5)
$ErrorActionPreference = 'Stop'
. ([System.IO.Path]::Combine($PSScriptRoot, 'Stats.ps1'))
. ([System.IO.Path]::Combine($PSScriptRoot, 'Shell.ps1'))

$manifest = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'CodeEnv', 'CodeEnv.psd1'))
$times = [System.Collections.Generic.List[double]]::new()
for ($i = 0; $i -lt $Runs; $i++) {
    $out = Invoke-FreshShell @('-NoModule', '-Command', "`$w = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$manifest'; `$w.Elapsed.TotalMilliseconds")
    if ($LASTEXITCODE -ne 0) { throw 'Import-Module failed' }
    $times.Add([double]"$out".Trim())
}

"Import-Module CodeEnv (cold, fresh process), $Runs runs: median {0:N1} ms ({1})" -f (Median $times), (Spread $times 'N1')
