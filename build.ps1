#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds the CodeEnv module into out/CodeEnv and, with -Test, runs every test.
.DESCRIPTION
    The module folder is assembled by the build itself (see src/CodeEnv.Cmdlets/CodeEnv.Cmdlets.csproj), so this
    script and a plain 'dotnet build' produce the same out/CodeEnv. -Test runs the xunit suites (engine tests and
    the hosted-PowerShell cmdlet tests), then the Pester tests under tests/pester when Pester 5 is installed.
.EXAMPLE
    ./build.ps1 -Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $Test
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

dotnet build -c $Configuration CodeEnv.Cmdlets.sln
if ($LASTEXITCODE -ne 0) { throw "dotnet build failed with exit code $LASTEXITCODE" }

$manifest = Join-Path $PSScriptRoot 'out/CodeEnv/CodeEnv.psd1'
Test-ModuleManifest -Path $manifest | Out-Null
Write-Host "Module: $manifest"

if ($Test) {
    dotnet test -c $Configuration --no-build CodeEnv.Cmdlets.sln
    if ($LASTEXITCODE -ne 0) { throw "dotnet test failed with exit code $LASTEXITCODE" }

    $pester = Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0' | Sort-Object Version -Descending | Select-Object -First 1
    if ($pester) {
        Import-Module $pester
        $result = Invoke-Pester -Path (Join-Path $PSScriptRoot 'tests/pester') -PassThru -Output Detailed
        if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester tests failed" }
    }
    else {
        Write-Warning 'Pester 5 is not installed, so tests/pester was skipped (Install-Module Pester -MinimumVersion 5.0).'
    }
}
