# The package store side by side with what an admin would run instead, in one run:
#   New-CodeEnv of an env whose files are in the store            vs  python -m venv + pip install -r of the same lines
#   Copy-CodeEnv -Locked of it, Restore-CodeEnv that rebuilds      vs  the same
#   the disk of 20 envs of the same packages against one (du counts each inode once)   vs  20 pip venvs against one
# first with small wheels (50 packages, 2 files each), then with heavy stand-ins (thousands of files, tens of MB each),
# since PyPI's numpy or torch cannot be fetched here. CodeEnv runs through the hosted PowerShell engine, so cmdlet
# overhead counts.
#   dotnet run -c Release --project src/CodeEnv.Shell -- -File bench/store.ps1 [-Version 3.12] [-Runs 3] [-Envs 20]
#   -HeavyOnly measures the heavy wheels alone.
param([string] $Version = '3.12', [int] $Runs = 3, [int] $Envs = 20, [int] $Packages = 50, [int] $HeavyPackages = 4, [int] $HeavyFiles = 2500, [int] $HeavyMegabytes = 24, [switch] $HeavyOnly)
$ErrorActionPreference = 'Stop'
. ([System.IO.Path]::Combine($PSScriptRoot, 'Stats.ps1'))
. ([System.IO.Path]::Combine($PSScriptRoot, 'OfflineRoot.ps1'))
. ([System.IO.Path]::Combine($PSScriptRoot, '..', 'examples', 'DemoWheel.ps1'))

$python = @(Get-CodeEnvPython -Version $Version | Where-Object SupportsVenv)[0]

# A wheel as big wheels are: many files of incompressible bytes, RECORD with every digest.
function New-HeavyWheel([string] $folder, [string] $name, [int] $files, [int] $megabytes) {
    $module = $name.Replace('-', '_')
    $distInfo = "$module-1.0.0.dist-info"
    $path = [System.IO.Path]::Combine($folder, "$module-1.0.0-py3-none-any.whl")
    $random = [System.Random]::new($name.GetHashCode())
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $rows = [System.Collections.Generic.List[string]]::new()
    $zip = [System.IO.Compression.ZipFile]::Open($path, [System.IO.Compression.ZipArchiveMode]::Create)
    try {
        function Add([string] $entryName, [byte[]] $bytes) {
            $stream = $zip.CreateEntry($entryName, [System.IO.Compression.CompressionLevel]::Fastest).Open()
            $stream.Write($bytes, 0, $bytes.Length); $stream.Dispose()
            $rows.Add("$entryName,sha256=$([Convert]::ToBase64String($sha.ComputeHash($bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_')),$($bytes.Length)")
        }
        $size = [int]($megabytes * 1MB / $files)
        for ($i = 0; $i -lt $files; $i++) {
            $bytes = [byte[]]::new($size); $random.NextBytes($bytes)
            Add "$module/data/part$i.bin" $bytes
        }
        Add "$module/__init__.py" ([System.Text.Encoding]::UTF8.GetBytes("VERSION = '1.0.0'`n"))
        Add "$distInfo/METADATA" ([System.Text.Encoding]::UTF8.GetBytes("Metadata-Version: 2.1`nName: $name`nVersion: 1.0.0`n"))
        Add "$distInfo/WHEEL" ([System.Text.Encoding]::UTF8.GetBytes("Wheel-Version: 1.0`nGenerator: codeenv-bench`nRoot-Is-Purelib: true`nTag: py3-none-any`n"))
        $rows.Add("$distInfo/RECORD,,")
        $stream = $zip.CreateEntry("$distInfo/RECORD").Open()
        $record = [System.Text.Encoding]::UTF8.GetBytes(($rows -join "`n") + "`n")
        $stream.Write($record, 0, $record.Length); $stream.Dispose()
    }
    finally { $zip.Dispose(); $sha.Dispose() }
    $path
}

function Kilobytes([string[]] $paths) {
    # du counts a file linked from several places once, as the disk does.
    $out = & du -sk -c @paths
    [long](($out[-1] -split '\s+')[0])
}

function Measure-Store([string] $label, [scriptblock] $makeWheels, [string[]] $lines) {
    $bench = New-OfflineBenchRoot
    $work = $bench.Work; $root = $bench.Root; $links = $bench.Links
    try {
        & $makeWheels $links
        $requirements = [System.IO.Path]::Combine($work, 'requirements.txt')
        [System.IO.File]::WriteAllLines($requirements, $lines)
        # The store is filled once, as an earlier env of the root would have filled it.
        New-CodeEnv -Name warm -Interpreter $python.Path -Requirement $lines -Root $root | Out-Null

        $create = [System.Collections.Generic.List[double]]::new(); $copy = [System.Collections.Generic.List[double]]::new()
        $restore = [System.Collections.Generic.List[double]]::new(); $pip = [System.Collections.Generic.List[double]]::new()
        for ($run = 0; $run -lt $Runs; $run++) {
            $create.Add((Time { New-CodeEnv -Name "new$run" -Interpreter $python.Path -Requirement $lines -Root $root }))
            $copy.Add((Time { Copy-CodeEnv -Name warm -NewName "copy$run" -Locked -Root $root }))
            $plain = [System.IO.Path]::Combine($work, "plain$run")
            $pip.Add((Time {
                & $python.Path -m venv $plain
                & ([System.IO.Path]::Combine($plain, 'bin', 'python')) -m pip install --disable-pip-version-check --no-index --find-links $links -r $requirements
            }))
        }

        # A restore that rebuilds: the revision's venv is not kept, so its lock is installed again.
        Set-CodeEnvRoot -Root $root -KeptVenvs 0
        for ($run = 0; $run -lt $Runs; $run++) {
            Set-CodeEnvPackage -Name warm -Root $root -Requirement ($lines + 'bench-extra==1.0.0')
            Update-CodeEnv -Name warm -Root $root
            $before = (Get-CodeEnv -Name warm -Root $root).Revision - 1
            $restore.Add((Time { Restore-CodeEnv -Name warm -Root $root -Revision $before }))
        }

        # Disk: a root of one env against a root of $Envs envs of the same lines, each root as a whole (store, seeds, envs,
        # logs); pip venvs alike.
        $diskRoot = [System.IO.Path]::Combine($work, 'disk-root')
        Initialize-CodeEnvRoot -Path $diskRoot | Out-Null
        Set-CodeEnvRoot -Root $diskRoot -NoIndex -FindLinks $links
        New-CodeEnv -Name disk0 -Interpreter $python.Path -Requirement $lines -Root $diskRoot | Out-Null
        $single = Kilobytes @($diskRoot)
        for ($i = 1; $i -lt $Envs; $i++) { New-CodeEnv -Name "disk$i" -Interpreter $python.Path -Requirement $lines -Root $diskRoot | Out-Null }
        $many = Kilobytes @($diskRoot)
        $pipOne = Kilobytes @([System.IO.Path]::Combine($work, 'plain0'))
        $pipAll = Kilobytes @(0..($Runs - 1) | ForEach-Object { [System.IO.Path]::Combine($work, "plain$_") })
        $pipMany = $pipAll / $Runs * $Envs

        # The physical floor of linking: cp -al of the same stored trees (the kernel's link() and stat() per file).
        $floor = [System.Collections.Generic.List[double]]::new()
        $trees = @(Get-ChildItem ([System.IO.Path]::Combine($root, 'store', 'trees')) -Directory | ForEach-Object FullName)
        for ($run = 0; $run -lt $Runs; $run++) {
            $target = [System.IO.Path]::Combine($work, "cp-al$run")
            [void][System.IO.Directory]::CreateDirectory($target)
            $floor.Add((Time { & cp -al @trees $target }))
        }

        $installed = @(Get-CodeEnvInstalledPackage -Name warm -Root $root).Count
        "$label, Python $($python.Version), $installed installed packages; $Runs runs each, milliseconds (median, min-max)"
        '  New-CodeEnv, files in the store         : {0,10:N1}  ({1})' -f (Median $create), (Spread $create 'N1')
        '  Copy-CodeEnv -Locked                    : {0,10:N1}  ({1})' -f (Median $copy), (Spread $copy 'N1')
        '  Restore-CodeEnv, rebuilt from the lock  : {0,10:N1}  ({1})' -f (Median $restore), (Spread $restore 'N1')
        '  python -m venv + pip install -r         : {0,10:N1}  ({1})' -f (Median $pip), (Spread $pip 'N1')
        '  cp -al of the stored trees (the floor)  : {0,10:N1}  ({1})' -f (Median $floor), (Spread $floor 'N1')
        '  ratio: create {0:N1}x, copy {1:N1}x, restore {2:N1}x faster than venv + pip   target: 20x' -f ((Median $pip) / (Median $create)), ((Median $pip) / (Median $copy)), ((Median $pip) / (Median $restore))
        '  disk, {0} envs against one (whole root) : {1:N0} KB against {2:N0} KB = {3:N2}x   target: at most 1.2x' -f $Envs, $many, $single, ($many / $single)
        '  disk, {0} pip venvs against one         : {1:N0} KB against {2:N0} KB = {3:N2}x' -f $Envs, $pipMany, $pipOne, ($pipMany / $pipOne)
    }
    finally {
        [System.IO.Directory]::Delete($work, $true)
    }
}

$small = @(0..($Packages - 1) | ForEach-Object { "bench-pkg-$_>=1.0" })
if (-not $HeavyOnly) {
    Measure-Store "$Packages small packages" {
        param($links)
        for ($i = 0; $i -lt $Packages; $i++) {
            $requires = if ($i % 10 -ne 9) { @("bench-pkg-$($i + 1)>=1.0") } else { @() }
            New-DemoWheel $links "bench-pkg-$i" '1.0.0' -requires $requires | Out-Null
        }
        New-DemoWheel $links 'bench-extra' '1.0.0' | Out-Null
    } $small
}

$heavy = @(0..($HeavyPackages - 1) | ForEach-Object { "bench-heavy-$_" })
Measure-Store "$HeavyPackages heavy packages ($HeavyFiles files, $HeavyMegabytes MB each)" {
    param($links)
    for ($i = 0; $i -lt $HeavyPackages; $i++) { New-HeavyWheel $links "bench-heavy-$i" $HeavyFiles $HeavyMegabytes | Out-Null }
    New-DemoWheel $links 'bench-extra' '1.0.0' | Out-Null
} $heavy
