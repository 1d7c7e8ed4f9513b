# Where packages may come from, as an administrator sets it from pwsh: index rules that pin internal names to the
# internal index, the strategy that keeps an extra index from outbidding it, and a deny list with reasons. One root.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $script:repo 'examples/DemoWheel.ps1')
    Initialize-TestRoot | Out-Null
    $script:python = Get-TestPythonVersion
    $script:wheels = (New-Item -ItemType Directory -Path (Join-Path $TestDrive 'wheels')).FullName
    New-DemoWheel $wheels 'acme-app' '1.0' -requires 'leftpad' | Out-Null
    New-DemoWheel $wheels 'leftpad' '1.0' | Out-Null
}

AfterAll { Remove-TestRoot }

Describe 'Root rules of where packages come from' {
    It 'pins names to the internal index and denies packages with reasons, and a round trip through Get-CodeEnvRoot keeps them' {
        (Get-CodeEnvRoot).IndexStrategy | Should -Be 'FirstIndex' -Because 'a new root never lets an extra index outbid the first one'

        $internal = 'https://pypi.internal/simple'
        Set-CodeEnvRoot -IndexUrl $internal -ExtraIndexUrl https://pypi.org/simple `
            -IndexRule @{ Pattern = 'acme-*'; Index = $internal }, @{ Pattern = 'Corp_Tools'; Index = $internal } `
            -DeniedPackage 'leftpad  # vendored instead', @{ Package = 'requests==2.0'; Reason = 'CVE-2023-32681' }
        $settings = Get-CodeEnvRoot
        $settings.IndexRules | ForEach-Object Pattern | Should -Be 'acme-*', 'Corp_Tools'
        $settings.DeniedPackages | Where-Object Package -eq 'leftpad' | ForEach-Object Reason | Should -Be 'vendored instead'

        $again = $settings | Set-CodeEnvRoot -PassThru
        $again.Revision | Should -Be $settings.Revision -Because 'Get-CodeEnvRoot | Set-CodeEnvRoot changes nothing'

        { Set-CodeEnvRoot -ExtraIndexUrl @() -IndexRule @{ Pattern = 'six'; Index = 'https://pypi.org/simple' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'IndexRuleInvalid*'
    }

    It 'refuses a denied dependency before anything is installed, naming the package, the entry and its reason' {
        Set-CodeEnvRoot -NoIndex -FindLinks $wheels -IndexRule @()
        New-CodeEnv app -PythonVersion $python -Requirement 'acme-app' -ErrorVariable refused -ErrorAction SilentlyContinue | Out-Null

        $refused[0].FullyQualifiedErrorId | Should -BeLike 'PackageDenied,*'
        $refused[0].Exception.Message | Should -BeLike "leftpad 1.0 is on the root's deny list (entry 'leftpad': vendored instead)*Nothing was installed*"
        Get-CodeEnv app -ErrorAction SilentlyContinue | Should -BeNullOrEmpty -Because 'a creation that fails leaves no env'

        New-CodeEnv later -PythonVersion $python -NoInstall | Out-Null
        { Add-CodeEnvPackage later -Requirement 'LeftPad>=1' -ErrorAction Stop } | Should -Throw -ErrorId 'PackageDenied*'
        (Get-CodeEnvPackage later).Count | Should -Be 0
    }
}
