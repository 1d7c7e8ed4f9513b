# New-DemoWheel writes a small, real, installable wheel (a zip with .dist-info/METADATA, WHEEL and RECORD), so the
# quickstart and the benchmarks need no package index. Dot-source it: . ./examples/DemoWheel.ps1
# $headers are more METADATA lines, such as 'License-Expression: MIT'.
function New-DemoWheel([string] $folder, [string] $name, [string] $version, [string[]] $requires = @(), [string[]] $headers = @()) {
    $module = $name.Replace('-', '_')
    $distInfo = "$module-$version.dist-info"
    $files = [ordered]@{
        "$module/__init__.py" = "VERSION = '$version'`n"
        "$distInfo/METADATA"  = "Metadata-Version: 2.1`nName: $name`nVersion: $version`n" + (($headers | Where-Object { $_ } | ForEach-Object { "$_`n" }) -join '') + (($requires | Where-Object { $_ } | ForEach-Object { "Requires-Dist: $_`n" }) -join '')
        "$distInfo/WHEEL"     = "Wheel-Version: 1.0`nGenerator: codeenv-quickstart`nRoot-Is-Purelib: true`nTag: py3-none-any`n"
    }
    # RECORD as wheel builders write it: each file's sha256 (urlsafe base64, no padding) and size; RECORD itself with neither.
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $rows = foreach ($file in $files.GetEnumerator()) {
        $bytes = [System.Text.UTF8Encoding]::new($false).GetBytes($file.Value)
        $digest = [Convert]::ToBase64String($sha.ComputeHash($bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_')
        "$($file.Key),sha256=$digest,$($bytes.Length)"
    }
    $sha.Dispose()
    $files["$distInfo/RECORD"] = (@($rows) + "$distInfo/RECORD,," | ForEach-Object { $_ }) -join "`n"
    $path = [System.IO.Path]::Combine($folder, "$module-$version-py3-none-any.whl")
    $zip = [System.IO.Compression.ZipFile]::Open($path, [System.IO.Compression.ZipArchiveMode]::Create)
    try {
        foreach ($file in $files.GetEnumerator()) {
            $writer = [System.IO.StreamWriter]::new($zip.CreateEntry($file.Key).Open(), [System.Text.UTF8Encoding]::new($false))
            $writer.Write($file.Value)
            $writer.Dispose()
        }
    }
    finally { $zip.Dispose() }
    $path
}
