# The lost child exit (issue 12.3), hunted: many short Python runs through the engine's process runner at once, from
# parallel runspaces of one process, with every core busy, as New-CodeEnv under load once saw. Prints the runs made
# and how many ended in ProcessExitLost (an exit never reported); 0 is the only acceptable answer.
#   dotnet run -c Release --project src/CodeEnv.Shell -- -File bench/child-exit-stress.ps1 [-Seconds 120] [-Parallel 12]
param([int] $Seconds = 120, [int] $Parallel = 12)
$ErrorActionPreference = 'Stop'
$work = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'codeenv-stress-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
$root = [System.IO.Path]::Combine($work, 'root')
Initialize-CodeEnvRoot -Path $root | Out-Null
$versions = [System.Collections.Generic.SortedSet[string]]::new([string[]]@(Get-CodeEnvPython | Where-Object SupportsVenv | ForEach-Object { $_.Version -replace '^(\d+\.\d+).*', '$1' }))
foreach ($v in $versions) { New-CodeEnv -Name ('py' + ($v -replace '\.', '')) -PythonVersion $v -Root $root | Out-Null }
$envs = @(Get-CodeEnv -Root $root | ForEach-Object Name)

$module = (Get-Module CodeEnv).Path
$deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
$results = 1..$Parallel | ForEach-Object -ThrottleLimit $Parallel -Parallel {
    Import-Module $using:module
    $runs = 0; $lost = 0; $other = 0; $firstError = $null
    while ([DateTime]::UtcNow -lt $using:deadline) {
        $name = ($using:envs)[$runs % ($using:envs).Count]
        try {
            Invoke-CodeEnvPython -Name $name -ArgumentList '-c', 'import sys; print(sys.version)' -Root $using:root -ErrorAction Stop | Out-Null
        }
        catch {
            if ($_.FullyQualifiedErrorId -like 'ProcessExitLost*') { $lost++ } else { $other++; if (-not $firstError) { $firstError = $_.ToString() } }
        }
        $runs++
    }
    [pscustomobject]@{ Runs = $runs; Lost = $lost; Other = $other; FirstError = $firstError }
}
$runs = 0; $lost = 0; $other = 0
foreach ($r in $results) { $runs += $r.Runs; $lost += $r.Lost; $other += $r.Other; if ($r.FirstError) { 'first other error: ' + $r.FirstError } }
"child-exit stress: $Parallel parallel runspaces, $Seconds s, $($envs.Count) interpreters: $runs runs, $lost exits lost, $other other errors"
[System.IO.Directory]::Delete($work, $true)
