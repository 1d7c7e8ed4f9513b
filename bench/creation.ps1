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

# virtualenv's app-data seeding is the other fast way; measured when the interpreter has it (Debian: python3-virtualenv).
$virtualenvTimes = [System.Collections.Generic.List[double]]::new()
& $python.Path -m virtualenv --version *> $null
if ($LASTEXITCODE -eq 0) {
    $work2 = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'codeenv-bench-ve-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    try {
        for ($i = 0; $i -lt $Runs; $i++) {
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            & $python.Path -m virtualenv -q ([System.IO.Path]::Combine($work2, "ve$i"))
            $virtualenvTimes.Add($watch.Elapsed.TotalSeconds)
        }
    }
    finally {
        if ([System.IO.Directory]::Exists($work2)) { [System.IO.Directory]::Delete($work2, $true) }
    }
}

$venv = Median $venvTimes
$codeEnv = Median $codeEnvTimes
"Python $($python.Version) ($($python.Path)), $Runs runs each, seconds (median, min-max):"
'  python -m venv : {0:N2}  ({1})' -f $venv, (Spread $venvTimes)
'  New-CodeEnv    : {0:N2}  ({1})' -f $codeEnv, (Spread $codeEnvTimes)
if ($virtualenvTimes.Count -gt 0) {
    '  virtualenv     : {0:N2}  ({1})  (app-data seeding; New-CodeEnv is {2:N1}x its speed)' -f (Median $virtualenvTimes), (Spread $virtualenvTimes), ((Median $virtualenvTimes) / $codeEnv)
}
else {
    '  virtualenv     : not installed for this interpreter (python -m virtualenv failed), not measured'
}
'  ratio          : New-CodeEnv is {0:N1}x faster (the first run builds the interpreter''s seed: {1:N2} s)' -f ($venv / $codeEnv), $codeEnvTimes[0]
