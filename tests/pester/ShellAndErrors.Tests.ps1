# The codeenv shell running an administrator's script with pwsh's standard cmdlets, as a cron job does without pwsh;
# and what the error of a failed pip run says: pip's reason, not its progress, with a hint where CodeEnv knows the fix.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Initialize-TestRoot | Out-Null
}

AfterAll {
    Remove-TestRoot
}

Describe 'The codeenv shell running an administrator''s script' {
    BeforeAll {
        $script:folders = Join-Path $TestDrive 'folders'
        foreach ($name in 'beta', 'alpha', 'gamma') { New-Item -ItemType Directory -Path (Join-Path $script:folders $name) | Out-Null }
        $script:csv = Join-Path $TestDrive 'folders.csv'
        $job = Join-Path $TestDrive 'nightly.ps1'
        Set-Content -Path $job -Value @'
param([string] $Root, [string] $Folders, [string] $Csv)
Write-Verbose ('looking at ' + 'the root') -Verbose
Get-CodeEnvRoot -Root $Root | Select-Object Revision | ConvertTo-Json -Compress
Get-ChildItem -Path $Folders -Directory | Sort-Object Name -Descending | Format-Table Name -HideTableHeaders
Get-ChildItem -Path $Folders -Directory | Select-Object Name | Export-Csv -Path $Csv -NoTypeInformation
'done'
'@
        $script:run = Invoke-TestShell @('-File', $job, '-Root', $script:root, '-Folders', $script:folders, '-Csv', $script:csv)
    }

    It 'converts CodeEnv objects to JSON with Select-Object and ConvertTo-Json' {
        $script:run.Output | Should -Match ([regex]::Escape('{"Revision":1}'))
    }

    It 'lists folders with Get-ChildItem, sorted by Sort-Object and shown by Format-Table' {
        $script:run.Output | Should -Match '(?s)gamma\s+beta\s+alpha'
    }

    It 'exports objects with Export-Csv' {
        (Import-Csv $script:csv).Name | Sort-Object | Should -Be @('alpha', 'beta', 'gamma')
    }

    It 'writes Write-Verbose to stderr' {
        $script:run.Error | Should -Match 'VERBOSE: looking at the root'
    }

    It 'exits 0, having run every line without an error' {
        $script:run.Error | Should -Not -Match 'is not recognized'
        $script:run.Output | Should -Match 'done\s*$'
        $script:run.ExitCode | Should -Be 0 -Because $script:run.Error
    }

    It 'writes Write-Error to stderr, goes on, and exits 1 because the script let an error through' {
        $shell = Invoke-TestShell @('-Command', "Write-Error ('one folder ' + 'is missing'); 'after'")
        $shell.Error | Should -Match 'one folder is missing'
        $shell.Output | Should -Be 'after'
        $shell.ExitCode | Should -Be 1
    }

    It 'imports the standard modules by the names pwsh gives them' {
        $shell = Invoke-TestShell @('-Command', 'Import-Module Microsoft.PowerShell.Utility, Microsoft.PowerShell.Management; (Get-Command Select-Object, Get-ChildItem).Source')
        $shell.ExitCode | Should -Be 0 -Because $shell.Error
        $shell.Output -split "`n" | Should -Be @('Microsoft.PowerShell.Utility', 'Microsoft.PowerShell.Management')
    }
}

Describe 'A failed sdist build on a root without an index' {
    BeforeAll {
        $script:version = Get-TestPythonVersion
        Set-CodeEnvRoot -NoIndex

        # An sdist that, like most, builds with setuptools: pip must first install setuptools>=61 into an isolated build
        # environment, and the wheelhouse holds no setuptools and no wheel.
        $source = Join-Path $TestDrive 'needs-tools-src'
        $top = Join-Path $source 'needs-tools-1.0'
        New-Item -ItemType Directory -Path $top | Out-Null
        Set-Content (Join-Path $top 'pyproject.toml') "[build-system]`nrequires = ['setuptools>=61', 'wheel']`nbuild-backend = 'setuptools.build_meta'`n"
        Set-Content (Join-Path $top 'setup.py') "from setuptools import setup`nsetup(name='needs-tools', version='1.0', py_modules=['needs_tools'])`n"
        Set-Content (Join-Path $top 'needs_tools.py') "VERSION = '1.0'`n"
        Set-Content (Join-Path $top 'PKG-INFO') "Metadata-Version: 1.0`nName: needs-tools`nVersion: 1.0`n"
        $sdist = Join-Path $TestDrive 'needs-tools-1.0.tar.gz'
        $file = [System.IO.File]::Create($sdist)
        try {
            $gzip = [System.IO.Compression.GZipStream]::new($file, [System.IO.Compression.CompressionLevel]::Fastest)
            try { [System.Formats.Tar.TarFile]::CreateFromDirectory($source, $gzip, $false) } finally { $gzip.Dispose() }
        }
        finally { $file.Dispose() }
        Publish-CodeEnvPackage -Path $sdist | Out-Null

        New-CodeEnv -Name needs-tools -PythonVersion $script:version -Requirement 'needs-tools==1.0' -NoInstall | Out-Null
        $failures = $null
        Update-CodeEnv -Name needs-tools -ErrorVariable failures -ErrorAction SilentlyContinue
        $script:failure = $failures[0]
        $script:env = Get-CodeEnv -Name needs-tools
    }

    It 'fails with PythonCommandFailed' {
        $script:failure.FullyQualifiedErrorId | Should -BeLike 'PythonCommandFailed,*'
    }

    It 'names the build requirement pip could not find in the error' {
        $script:failure.Exception.Message | Should -Match 'No matching distribution found for setuptools>=61'
    }

    It 'quotes pip''s reason rather than its progress' {
        $script:failure.Exception.Message | Should -Not -Match 'Looking in links|Processing |Requirement already satisfied|Installing build dependencies: started'
    }

    It 'names the build requirement in the env''s StateDetail' {
        $script:env.State | Should -Be 'Failed'
        $script:env.StateDetail | Should -Match 'No matching distribution found for setuptools>=61'
    }

    It 'advises to publish setuptools and wheel to the wheelhouse' {
        $script:failure.Exception.Message | Should -Match 'no index \(Set-CodeEnvRoot -NoIndex\)'
        $script:failure.Exception.Message | Should -Match 'publish setuptools and wheel wheels .* with Publish-CodeEnvPackage'
        $script:env.StateDetail | Should -Match 'Publish-CodeEnvPackage'
    }

    It 'names the build requirement in New-CodeEnv''s error too' {
        $failures = $null
        New-CodeEnv -Name needs-tools-new -PythonVersion $script:version -Requirement 'needs-tools==1.0' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].Exception.Message | Should -Match 'No matching distribution found for setuptools>=61'
        $failures[0].Exception.Message | Should -Match 'Publish-CodeEnvPackage'
    }
}
