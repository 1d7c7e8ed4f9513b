# The codeenv shell running an administrator's script with pwsh's standard cmdlets, as a cron job does without pwsh.
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

