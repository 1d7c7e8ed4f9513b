# Every benchmark, side by side against what an admin would run instead, printed and written to docs/PERFORMANCE.md
# with the machine, the date and the versions.
#   dotnet run -c Release --project src/CodeEnv.Shell -- -File bench/run-all.ps1 [-Version 3.12] [-Runs 5]
param([string] $Version = '3.12', [int] $Runs = 5)
$ErrorActionPreference = 'Stop'

$python = @(Get-CodeEnvPython -Version $Version | Where-Object SupportsVenv)[0]
$pip = & $python.Path -m pip --version
$cpu = @([System.IO.File]::ReadAllLines('/proc/cpuinfo') | Where-Object { $_ -like 'model name*' })
$memory = @([System.IO.File]::ReadAllLines('/proc/meminfo') | Where-Object { $_ -like 'MemTotal*' })[0]
$machine = @(
    "- Date: $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm')) UTC"
    "- Machine: $([System.Runtime.InteropServices.RuntimeInformation]::OSDescription), $([Environment]::ProcessorCount) cores ($(if ($cpu) { $cpu[0].Split(':')[1].Trim() } else { 'unknown CPU' })), $($memory -replace '\s+', ' ')"
    "- .NET $([Environment]::Version), PowerShell engine $($PSVersionTable.PSVersion) (hosted by codeenv), CodeEnv $((Get-Module CodeEnv).Version)"
    "- Python $($python.Version) at $($python.Path); $pip"
)

$sections = [ordered]@{
    'Environment creation (target: 10x faster than python -m venv)'                       = { & ([System.IO.Path]::Combine($PSScriptRoot, 'creation.ps1')) -Version $Version -Runs $Runs }
    'Installed packages and no-op updates (targets: 30x faster than pip list, 10x faster than a no-op pip install -r)' = { & ([System.IO.Path]::Combine($PSScriptRoot, 'packages.ps1')) -Version $Version -Runs $Runs }
    'Updates built beside and switched, restores of a kept venv (target: restore under 1 s)' = { & ([System.IO.Path]::Combine($PSScriptRoot, 'update.ps1')) -Version $Version -Runs $Runs }
    'Scale (target: Get-CodeEnv over 10,000 envs under 1 s and 200 MB)'                   = { & ([System.IO.Path]::Combine($PSScriptRoot, 'scale.ps1')) -Runs 3 }
    'The service (target: a served call costs a user no noticeable time)'                 = { & ([System.IO.Path]::Combine($PSScriptRoot, 'service.ps1')) -Calls 200 }
    'Import (target: Import-Module CodeEnv under 300 ms)'                                  = { & ([System.IO.Path]::Combine($PSScriptRoot, 'import.ps1')) -Runs $Runs }
    'Child exits under load (target: 0 lost)'                                             = { & ([System.IO.Path]::Combine($PSScriptRoot, 'child-exit-stress.ps1')) -Seconds 60 }
}

$document = [System.Collections.Generic.List[string]]::new()
$document.Add('# CodeEnv performance')
$document.Add('')
$document.Add('Measured by `dotnet run -c Release --project src/CodeEnv.Shell -- -File bench/run-all.ps1`: CodeEnv through the')
$document.Add('hosted PowerShell engine (cmdlet overhead counts) against the tool an admin would use instead, in the same run.')
$document.Add('')
$machine | ForEach-Object { $document.Add($_) }
foreach ($section in $sections.GetEnumerator()) {
    [Console]::Out.WriteLine("== $($section.Key)")
    $lines = @(& $section.Value | ForEach-Object { "$_" })
    $lines | ForEach-Object { [Console]::Out.WriteLine($_) }
    $document.Add('')
    $document.Add("## $($section.Key)")
    $document.Add('')
    $document.Add('```')
    $lines | ForEach-Object { $document.Add($_) }
    $document.Add('```')
}

$docs = [System.IO.Path]::Combine($PSScriptRoot, '..', 'docs')
[void][System.IO.Directory]::CreateDirectory($docs)
[System.IO.File]::WriteAllLines([System.IO.Path]::Combine($docs, 'PERFORMANCE.md'), $document)
[Console]::Out.WriteLine('Written to docs/PERFORMANCE.md')
