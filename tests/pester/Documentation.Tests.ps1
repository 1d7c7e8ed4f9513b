# What a pwsh user reads about the module: the README's cmdlet table and each cmdlet's help.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:manifest -Force
}

Describe 'CodeEnv documentation' {
    BeforeAll {
        $readme = Get-Content -Raw (Join-Path $script:repo 'README.md')
        $script:cmdletTable = $readme.Substring($readme.IndexOf('## Cmdlets'), $readme.IndexOf('## Permissions') - $readme.IndexOf('## Cmdlets'))
    }

    It 'lists every cmdlet of the module in the README''s cmdlet table' {
        $missing = (Get-Command -Module CodeEnv).Name | Where-Object { $script:cmdletTable -notmatch ('`' + [regex]::Escape($_) + '[ `]') }
        $missing | Should -BeNullOrEmpty
    }

    It 'says in every cmdlet''s help what it takes from the pipeline' {
        $silent = Get-Command -Module CodeEnv | Where-Object { -not (Get-Help $_.Name -Full).inputTypes.inputType.type.name }
        $silent.Name | Should -BeNullOrEmpty
    }
}
