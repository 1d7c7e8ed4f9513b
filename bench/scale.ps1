# Scale: Get-CodeEnv over roots of 100, 1,000 and 10,000 envs, and the package cmdlets over one env with 10, 100
# and 1,000 requested lines. Each measurement runs in a fresh codeenv process, so its peak memory is the whole
# process's (the PowerShell engine included), as a scheduled job would see it.
#   dotnet run -c Release --project src/CodeEnv.Shell -- -File bench/scale.ps1 [-Envs 100,1000,10000] [-Lines 10,100,1000] [-Runs 3]
param([int[]] $Envs = @(100, 1000, 10000), [int[]] $Lines = @(10, 100, 1000), [int] $Runs = 3)
$ErrorActionPreference = 'Stop'
. ([System.IO.Path]::Combine($PSScriptRoot, 'Stats.ps1'))
. ([System.IO.Path]::Combine($PSScriptRoot, 'Shell.ps1'))

$work = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'codeenv-bench-' + [guid]::NewGuid().ToString('N').Substring(0, 8))

# Runs a command in a fresh shell process; returns the milliseconds the command itself took and the process's peak memory.
function Measure-InShell([string] $command) {
    $script = "`$w = [Diagnostics.Stopwatch]::StartNew(); $command | Out-Null; `$ms = `$w.Elapsed.TotalMilliseconds; '{0}|{1}' -f `$ms, [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64"
    $out = Invoke-FreshShell @('-Command', $script)
    if ($LASTEXITCODE -ne 0) { throw "the measured command failed: $command" }
    $parts = "$out".Trim().Split('|')
    [pscustomobject]@{ Ms = [double]$parts[0]; PeakMB = [double]$parts[1] / 1MB }
}

function Report([string] $label, [object[]] $samples) {
    $ms = [double[]]@($samples | ForEach-Object Ms); $mb = [double[]]@($samples | ForEach-Object PeakMB)
    '  {0,-34} {1,9:N1} ms ({2})   peak {3,6:N0} MB' -f $label, (Median $ms), (Spread $ms 'N1'), (Median $mb)
}

try {
    "Get-CodeEnv (all envs), $Runs fresh processes each, median (min-max):"
    foreach ($count in $Envs) {
        $root = [System.IO.Path]::Combine($work, "root$count")
        Initialize-CodeEnvRoot -Path $root | Out-Null
        $template = New-CodeEnv -Name env-0 -PythonVersion 3.12 -NoInstall -Root $root
        $json = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($template.Path, 'env.json'))
        $status = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($template.Path, 'status.json'))
        # The other envs are written directly: the same definition and status under another name, as New-CodeEnv leaves them.
        for ($i = 1; $i -lt $count; $i++) {
            $folder = [System.IO.Path]::Combine($root, 'envs', "env-$i")
            [void][System.IO.Directory]::CreateDirectory($folder)
            [System.IO.File]::WriteAllText([System.IO.Path]::Combine($folder, 'env.json'), $json.Replace('"env-0"', """env-$i"""))
            [System.IO.File]::WriteAllText([System.IO.Path]::Combine($folder, 'status.json'), $status)
        }

        $samples = for ($r = 0; $r -lt $Runs; $r++) { Measure-InShell "Get-CodeEnv -Root '$root'" }
        Report "$count envs" $samples
    }

    ''
    'One env with many requested lines, fresh processes, median (min-max):'
    $root = [System.IO.Path]::Combine($work, 'lines')
    Initialize-CodeEnvRoot -Path $root | Out-Null
    foreach ($count in $Lines) {
        $name = "lines$count"
        New-CodeEnv -Name $name -PythonVersion 3.12 -NoInstall -Root $root | Out-Null
        $file = [System.IO.Path]::Combine($work, "$name.txt")
        [System.IO.File]::WriteAllLines($file, [string[]](0..($count - 1) | ForEach-Object { "package-$_>=1.0,<2; python_version >= ""3.8""" }))
        Report "Set-CodeEnvPackage -Path ($count lines)" @(for ($r = 0; $r -lt $Runs; $r++) { Measure-InShell "Set-CodeEnvPackage -Name $name -Path '$file' -Root '$root'" })
        Report "Get-CodeEnvPackage ($count lines)" @(for ($r = 0; $r -lt $Runs; $r++) { Measure-InShell "Get-CodeEnvPackage -Name $name -Root '$root'" })
        Report "Get-CodeEnv ($count lines)" @(for ($r = 0; $r -lt $Runs; $r++) { Measure-InShell "Get-CodeEnv -Name $name -Root '$root'" })
    }
}
finally {
    [System.IO.Directory]::Delete($work, $true)
}
