# New-OfflineBenchRoot makes a temporary work folder with a root that installs only from its own find-links folder,
# as an air-gapped server does. Dot-source it from a benchmark that runs pip; delete $bench.Work when done.
function New-OfflineBenchRoot {
    $work = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'codeenv-bench-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $bench = [pscustomobject]@{
        Work  = $work
        Root  = [System.IO.Path]::Combine($work, 'root')
        Links = [System.IO.Path]::Combine($work, 'links')
    }
    Initialize-CodeEnvRoot -Path $bench.Root | Out-Null
    Set-CodeEnvRoot -Root $bench.Root -NoIndex -FindLinks $bench.Links
    [void][System.IO.Directory]::CreateDirectory($bench.Links)
    $bench
}
