# CodeEnv quickstart: the main job from start to end, offline, in a temporary folder.
#   dotnet run --project src/CodeEnv.Shell -- -File examples/quickstart.ps1
# It also runs in pwsh after Import-Module ./out/CodeEnv/CodeEnv.psd1: the codeenv shell has pwsh's standard
# Utility and Management cmdlets as well.
$ErrorActionPreference = 'Stop'
function Say([string] $text) { [Console]::Out.WriteLine(''); [Console]::Out.WriteLine("== $text") }

# No package index is needed: the quickstart writes two small wheels of its own (DemoWheel.ps1).
. ([System.IO.Path]::Combine($PSScriptRoot, 'DemoWheel.ps1'))

$root = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'codeenv-quickstart-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
$dist = "$root-dist"
try {
    Say "1. Initialize a root in $root, offline: pip uses only the root's wheelhouse"
    Initialize-CodeEnvRoot -Path $root | Out-Default
    $env:CODEENV_ROOT = $root
    Set-CodeEnvRoot -NoIndex

    Say '2. Publish two in-house packages to the wheelhouse (report-kit needs table-kit)'
    [void][System.IO.Directory]::CreateDirectory($dist)
    New-DemoWheel $dist 'table-kit' '1.2.0' | Publish-CodeEnvPackage | Out-Default
    New-DemoWheel $dist 'report-kit' '0.9.0' -requires 'table-kit>=1.0' | Publish-CodeEnvPackage | Out-Default

    Say '3. The Python interpreters on this machine'
    $interpreters = @(Get-CodeEnvPython)
    $interpreters | Out-Default
    $newest = @($interpreters | Where-Object SupportsVenv)[0]
    if (-not $newest) { throw 'No Python interpreter that can create virtual environments was found.' }
    $version = ($newest.Version -split '\.')[0..1] -join '.'

    Say "4. Create the environment 'quickstart' with Python $version and a requested package (a real venv, real pip)"
    $created = New-CodeEnv -Name quickstart -PythonVersion $version -Requirement 'report-kit==0.9.0' -Description 'Created by the quickstart'
    $created | Out-Default

    Say '5. What it asks for, and what is actually installed (read from the venv, no pip started)'
    Get-CodeEnvPackage quickstart | Out-Default
    Get-CodeEnvInstalledPackage quickstart | Out-Default

    Say '6. Ask for table-kit explicitly; the env is Outdated until updated'
    Add-CodeEnvPackage quickstart 'table-kit>=1.2' -PassThru | Out-Default

    Say '7. Update: table-kit 1.2.0 is already installed, so this decides without starting pip'
    Update-CodeEnv quickstart -Verbose -PassThru 4>&1 | Out-Default

    Say '8. Health check, and the logs of the pip runs'
    Test-CodeEnv quickstart | Out-Default
    Get-CodeEnvLog quickstart | Out-Default

    Say '9. Remove it'
    Remove-CodeEnv -Name quickstart -Confirm:$false
    "Environments left: $(@(Get-CodeEnv).Count)" | Out-Default
}
finally {
    $env:CODEENV_ROOT = $null
    foreach ($folder in $root, $dist) {
        if ([System.IO.Directory]::Exists($folder)) { [System.IO.Directory]::Delete($folder, $true) }
    }
}
Say 'Done: a root initialized, packages published, a real Python environment created with them, updated, checked and removed.'
