# Environment creation, side by side: New-CodeEnv (through the hosted PowerShell engine, so cmdlet overhead
# counts) against 'python -m venv' on the same interpreter, which is what an admin would run instead.
#   dotnet run -c Release --project src/CodeEnv.Shell -- -File bench/creation.ps1 [-Version 3.12] [-Runs 5]
param([string] $Version = '3.12', [int] $Runs = 5)
$ErrorActionPreference = 'Stop'

$python = @(Get-CodeEnvPython -Version $Version | Where-Object SupportsVenv)[0]
$work = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'codeenv-bench-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
Initialize-CodeEnvRoot -Path ([System.IO.Path]::Combine($work, 'root')) | Out-Null

. ([System.IO.Path]::Combine($PSScriptRoot, 'Stats.ps1'))

$venvTimes = [System.Collections.Generic.List[double]]::new()
$codeEnvTimes = [System.Collections.Generic.List[double]]::new()
try {
    for ($i = 0; $i -lt $Runs; $i++) {
        # Alternate the two so that machine noise falls on both alike.
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        & $python.Path -m venv ([System.IO.Path]::Combine($work, "venv$i"))
        if ($LASTEXITCODE -ne 0) { throw 'python -m venv failed' }
        $venvTimes.Add($watch.Elapsed.TotalSeconds)

        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        New-CodeEnv -Name "bench$i" -Interpreter $python.Path -Root ([System.IO.Path]::Combine($work, 'root')) | Out-Null
        $codeEnvTimes.Add($watch.Elapsed.TotalSeconds)
    }
}
finally {
    [System.IO.Directory]::Delete($work, $true)
}

$venv = Median $venvTimes
$codeEnv = Median $codeEnvTimes
"Python $($python.Version) ($($python.Path)), $Runs runs each, seconds (median, min-max):"
'  python -m venv : {0:N2}  ({1})' -f $venv, (Spread $venvTimes)
'  New-CodeEnv    : {0:N2}  ({1})' -f $codeEnv, (Spread $codeEnvTimes)
'  ratio          : New-CodeEnv is {0:N1}x faster (the first run builds the interpreter''s seed: {1:N2} s)' -f ($venv / $codeEnv), $codeEnvTimes[0]
