# An administrator looks at a root's package store and prunes it with pwsh's standard cmdlets: what is biggest, what a
# prune would free, -WhatIf before the real thing. The store's contents are made as an install from the store will leave
# them, by the one test helper that does so (tests/TestSupport/StoreFixture.cs, compiled here with Add-Type).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Initialize-TestRoot | Out-Null
    Add-Type -Path (Join-Path $script:repo 'tests/TestSupport/StoreFixture.cs')

    # A wheel whose module holds $bytes bytes, stored uncompressed, so sizes differ as the test says.
    function New-SizedWheel([string] $name, [string] $version, [int] $bytes) {
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $folder | Out-Null
        $path = Join-Path $folder "$name-$version-py3-none-any.whl"
        $zip = [System.IO.Compression.ZipFile]::Open($path, [System.IO.Compression.ZipArchiveMode]::Create)
        try {
            $files = [ordered]@{
                "$name/__init__.py"                = '#' * $bytes
                "$name-$version.dist-info/METADATA" = "Metadata-Version: 2.1`nName: $name`nVersion: $version`n"
                "$name-$version.dist-info/WHEEL"    = "Wheel-Version: 1.0`nRoot-Is-Purelib: true`nTag: py3-none-any`n"
                "$name-$version.dist-info/RECORD"   = ''
            }
            foreach ($file in $files.GetEnumerator()) {
                $writer = [System.IO.StreamWriter]::new($zip.CreateEntry($file.Key, [System.IO.Compression.CompressionLevel]::NoCompression).Open())
                try { $writer.Write($file.Value) } finally { $writer.Dispose() }
            }
        }
        finally { $zip.Dispose() }
        [CodeEnv.TestSupport.StoreFixture]::StoreWheel($script:root, $path, [string[]]@('cpython-312'))
    }

    # The text the host shows while the script block runs (What if: lines), read back from a transcript.
    function Get-HostText([scriptblock] $script) {
        $transcript = Join-Path $TestDrive "host-$([guid]::NewGuid().ToString('N')).txt"
        Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
        try { & $script | Out-Null }
        finally { Stop-Transcript | Out-Null }
        Get-Content -Raw $transcript
    }

    $script:wheels = @{}
    foreach ($n in 1..6) { $script:wheels["kit$n"] = New-SizedWheel "kit$n" '1.0' ($n * 20000) }
    [CodeEnv.TestSupport.StoreFixture]::RecordGeneration($script:root, 'etl', 1, $false, [CodeEnv.TestSupport.StoreFixture+Locked[]]@($wheels.kit1, $wheels.kit2))
    [CodeEnv.TestSupport.StoreFixture]::RecordGeneration($script:root, 'etl', 2, $true, [CodeEnv.TestSupport.StoreFixture+Locked[]]@($wheels.kit2, $wheels.kit3))
}

AfterAll {
    Remove-TestRoot
}

Describe 'Get-CodeEnvStore in a pipeline' {
    It 'Sort-Object and Select-Object give the five largest wheels, largest first' {
        $top = Get-CodeEnvStore | Sort-Object SizeBytes -Descending | Select-Object -First 5

        $top.Name | Should -Be @('kit6', 'kit5', 'kit4', 'kit3', 'kit2')
        $top[0].PSObject.TypeNames[0] | Should -Be 'CodeEnv.StoreItem'
    }

    It 'Measure-Object SizeBytes -Sum is the bytes of the store''s wheels on disk, and of the unused ones with -Unused' {
        $onDisk = Get-ChildItem -File -Recurse (Join-Path $script:root 'store/artifacts'), (Join-Path $script:root 'store/trees'), (Join-Path $script:root 'store/bytecode') |
            Measure-Object Length -Sum

        (Get-CodeEnvStore | Measure-Object SizeBytes -Sum).Sum | Should -Be $onDisk.Sum
        (Get-CodeEnvStore -Unused | Measure-Object SizeBytes -Sum).Sum | Should -Be ((Get-CodeEnvStore | Where-Object Name -in 'kit4', 'kit5', 'kit6' | Measure-Object SizeBytes -Sum).Sum)
    }

    It 'Where-Object finds who uses a package, and Export-Csv writes the users as text' {
        (Get-CodeEnvStore | Where-Object Name -eq 'kit2').UsedBy | Should -Be @('etl (current)', 'etl (kept 1)')
        $csv = Join-Path $TestDrive 'store.csv'
        Get-CodeEnvStore | Export-Csv -Path $csv -NoTypeInformation

        (Import-Csv $csv | Where-Object Name -eq 'kit1').UsedBy | Should -Be 'etl (kept 1)'
    }

    It 'shows a table of name, version, size, short sha256 and users' {
        $table = Get-CodeEnvStore | Out-String -Width 200

        $table | Should -Match 'Name\s+Version\s+Size\s+Sha256\s+UsedBy'
        $table | Should -Match "kit2\s+1\.0\s+\d+ KB\s+$($wheels.kit2.Sha256.Substring(0, 12))\s+etl \(current\), etl \(kept 1\)"
        $table | Should -Match 'kit6\s+1\.0\s+\d+ KB\s+[0-9a-f]{12}\s+\(unused\)'
    }
}

Describe 'Pruning the store' {
    It '-WhatIf names every unused wheel and the sweep, and removes nothing' {
        $before = @(Get-CodeEnvStore).Count
        $text = Get-HostText { Get-CodeEnvStore -Unused | Remove-CodeEnvStoreItem -WhatIf }

        foreach ($unused in 'kit4', 'kit5', 'kit6') {
            $text | Should -Match "What if: Performing the operation `"Remove stored wheel`" on target `"$($wheels[$unused].Sha256) in the package store of "
        }
        $text | Should -Not -Match $wheels.kit1.Sha256
        $text | Should -Match 'What if: Performing the operation "Sweep staging leftovers'
        @(Get-CodeEnvStore).Count | Should -Be $before
    }

    It 'removing everything keeps what a generation uses, with an error naming its users' {
        $errors = @()
        Get-CodeEnvStore | Remove-CodeEnvStoreItem -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue

        (Get-CodeEnvStore).Name | Should -Be @('kit1', 'kit2', 'kit3')
        $errors.Count | Should -Be 3
        $errors.FullyQualifiedErrorId | ForEach-Object { $_.Split(',')[0] } | Sort-Object -Unique | Should -Be 'StoredWheelInUse'
        ($errors | Where-Object TargetObject -eq $wheels.kit1.Sha256).Exception.Message | Should -Match 'used by etl \(kept 1\)'
        @(Get-CodeEnvStore -Unused).Count | Should -Be 0
    }
}
