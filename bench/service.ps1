# The cost the CodeEnv service adds to a cmdlet call: the same cmdlets, many times in one process, against a direct
# root and against a served one whose service runs beside (as the account running this script, so no other OS user
# is needed), median per call and the ratio. What a user would use instead of a served root is the direct one.
#   dotnet run -c Release --project src/CodeEnv.Shell -- -File bench/service.ps1 [-Calls 200]
param([int] $Calls = 200)
$ErrorActionPreference = 'Stop'
. ([System.IO.Path]::Combine($PSScriptRoot, 'Stats.ps1'))

$work = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'codeenv-bench-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
$direct = [System.IO.Path]::Combine($work, 'direct')
$served = [System.IO.Path]::Combine($work, 'served')
$me = [Environment]::UserName
$service = $null
try {
    Initialize-CodeEnvRoot -Path $direct | Out-Null
    Initialize-CodeEnvRoot -Path $served -ServiceAccount $me | Out-Null

    # The service, as `codeenv serve` runs it for systemd, in a process of its own.
    $shell = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    $start = [System.Diagnostics.ProcessStartInfo]::new($shell)
    if ([System.IO.Path]::GetFileNameWithoutExtension($shell) -eq 'dotnet') { $start.ArgumentList.Add([System.IO.Path]::Combine([System.AppContext]::BaseDirectory, 'codeenv.dll')) }
    foreach ($argument in 'serve', '--root', $served) { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardOutput = $true
    $service = [System.Diagnostics.Process]::Start($start)
    $listening = $service.StandardOutput.ReadLine()
    if ($listening -notlike '*listening on*') { throw "the service did not start: $listening" }

    foreach ($root in $direct, $served) {
        New-CodeEnv -Name bench -PythonVersion 3.12 -NoInstall -Root $root | Out-Null
    }

    $cases = [ordered]@{
        'Get-CodeEnv -Name bench'              = { param($root) Get-CodeEnv -Name bench -Root $root }
        'Get-CodeEnvPackage -Name bench'       = { param($root) Get-CodeEnvPackage -Name bench -Root $root }
        'Set-CodeEnv -Description (a change)'  = { param($root, $i) Set-CodeEnv -Name bench -Description "call $i" -Root $root }
    }

    "Per call, $Calls calls each in one process, median (min-max); served: the service on the same machine, over its socket:"
    foreach ($case in $cases.GetEnumerator()) {
        $results = @{}
        foreach ($root in $direct, $served) {
            & $case.Value $root 0 | Out-Null   # warm: the first call loads what every later one reuses
            $results[$root] = [double[]]@(for ($i = 1; $i -le $Calls; $i++) { Time { & $case.Value $root $i } })
        }

        $d = Median $results[$direct]; $s = Median $results[$served]
        '  {0,-38} direct {1,7:N2} ms ({2})   served {3,7:N2} ms ({4})   +{5:N2} ms, {6:N1}x' -f $case.Key, $d, (Spread $results[$direct]), $s, (Spread $results[$served]), ($s - $d), ($s / $d)
    }
}
finally {
    if ($service -and -not $service.HasExited) { $service.Kill($true); $service.WaitForExit() }
    if ([System.IO.Directory]::Exists($work)) { [System.IO.Directory]::Delete($work, $true) }
}
