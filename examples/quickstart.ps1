# CodeEnv quickstart: the main job from start to end, offline, in a temporary folder.
#   dotnet run --project src/CodeEnv.Shell -- -File examples/quickstart.ps1
# It also runs in pwsh after Import-Module ./out/CodeEnv/CodeEnv.psd1. It uses only the core PowerShell
# cmdlets, so it runs in the codeenv shell, which hosts the engine without the Utility and Management modules.
$ErrorActionPreference = 'Stop'
function Say([string] $text) { [Console]::Out.WriteLine(''); [Console]::Out.WriteLine("== $text") }

$root = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'codeenv-quickstart-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
try {
    Say "1. Initialize a root in $root"
    Initialize-CodeEnvRoot -Path $root | Out-Default
    $env:CODEENV_ROOT = $root

    Say '2. The Python interpreters on this machine'
    $interpreters = @(Get-CodeEnvPython)
    $interpreters | Out-Default

    $newest = @($interpreters | Where-Object SupportsVenv)[0]
    if (-not $newest) { throw 'No Python interpreter that can create virtual environments was found.' }
    $version = ($newest.Version -split '\.')[0..1] -join '.'

    Say "3. Create the environment 'quickstart' with Python $version (a real venv)"
    $created = New-CodeEnv -Name quickstart -PythonVersion $version -Description 'Created by the quickstart'
    $created | Out-Default

    Say '4. Show it, and change its description (a new revision, the old one kept in history/)'
    Get-CodeEnv quickstart | Set-CodeEnv -Description 'Changed by the quickstart' -PassThru | Out-Default

    Say "5. What pip installed in it ($($created.PythonPath) -m pip list)"
    & $created.PythonPath -m pip list --disable-pip-version-check | Out-Default
    if ($LASTEXITCODE -ne 0) { throw "pip list failed with exit code $LASTEXITCODE" }

    Say '6. Remove it'
    Remove-CodeEnv -Name quickstart -Confirm:$false
    "Environments left: $(@(Get-CodeEnv).Count)" | Out-Default
}
finally {
    $env:CODEENV_ROOT = $null
    if ([System.IO.Directory]::Exists($root)) { [System.IO.Directory]::Delete($root, $true) }
}
Say 'Done: a root initialized, a real Python environment created, listed, changed and removed.'
