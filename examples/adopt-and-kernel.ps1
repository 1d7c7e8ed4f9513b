# CodeEnv second example: an admin's first day. A venv made by hand is brought under management, another is
# registered as it is, and the managed env is offered to Jupyter as a kernel. Offline, in a temporary folder.
#   dotnet run --project src/CodeEnv.Shell -- -File examples/adopt-and-kernel.ps1
$ErrorActionPreference = 'Stop'
function Say([string] $text) { [Console]::Out.WriteLine(''); [Console]::Out.WriteLine("== $text") }
. ([System.IO.Path]::Combine($PSScriptRoot, 'DemoWheel.ps1'))

$root = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'codeenv-adopt-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
$dist = "$root-dist"
$handMade = "$root-handmade-venv"
try {
    Say "1. A root in $root, offline, with two in-house packages and a stand-in for ipykernel in its wheelhouse"
    Initialize-CodeEnvRoot -Path $root | Out-Null
    $env:CODEENV_ROOT = $root
    Set-CodeEnvRoot -NoIndex
    [void][System.IO.Directory]::CreateDirectory($dist)
    New-DemoWheel $dist 'table-kit' '1.2.0' | Publish-CodeEnvPackage | Out-Null
    New-DemoWheel $dist 'report-kit' '0.9.0' -requires 'table-kit>=1.0' | Publish-CodeEnvPackage | Out-Null
    # No package index is reachable offline, so Jupyter's kernel package is a small stand-in of the same name.
    New-DemoWheel $dist 'ipykernel' '6.29.5' | Publish-CodeEnvPackage | Out-Null

    Say "2. The venv an admin arrives with, made by hand at $handMade"
    $python = @(Get-CodeEnvPython | Where-Object SupportsVenv)[0].Path
    & $python -m venv $handMade
    & "$handMade/bin/python" -m pip install --quiet --disable-pip-version-check --no-index --find-links $dist 'report-kit==0.9.0'
    if ($LASTEXITCODE -ne 0) { throw "pip could not install into $handMade" }

    Say '3. Bring it under management: same Python, its top-level packages pinned (table-kit is left to pip as a dependency)'
    $adopted = New-CodeEnv -Name sales-forecast -FromVenv $handMade -JupyterSupport
    $adopted | Out-Default
    "Requested: $($adopted.RequestedPackages -join ', ')" | Out-Default

    Say '4. Jupyter sees it: its kernel spec is in the root''s kernels folder'
    $kernels = (Get-CodeEnvRoot).KernelsFolder
    [System.IO.File]::ReadAllText([System.IO.Path]::Combine($kernels, 'codeenv-sales-forecast', 'kernel.json')) | Out-Default
    "Point a Jupyter server at it: JUPYTER_PATH=$([System.IO.Path]::GetDirectoryName($kernels)) jupyter lab" | Out-Default

    Say '5. Or list the hand-made venv as it is: named, permissioned and tested, but never changed by CodeEnv'
    Register-CodeEnv -Name legacy-reports -Path $handMade -Description 'made by hand' | Out-Null
    Get-CodeEnv | ForEach-Object { "{0,-16} managed: {1,-5} state: {2}" -f $_.Name, $_.Managed, $_.State } | Out-Default
    (Test-CodeEnv legacy-reports).Status | Out-Default
    try { Add-CodeEnvPackage legacy-reports 'table-kit==1.2.0' -ErrorAction Stop }
    catch { "Refused, as it should be: $($_.Exception.Message)" | Out-Default }

    Say '6. Forget the registered venv (its folder stays) and remove the managed env (its kernel goes with it)'
    Remove-CodeEnv legacy-reports -Confirm:$false
    Remove-CodeEnv sales-forecast -Confirm:$false
    "Hand-made venv still there: $([System.IO.File]::Exists("$handMade/pyvenv.cfg")); kernel left: $([System.IO.Directory]::Exists([System.IO.Path]::Combine($kernels, 'codeenv-sales-forecast')))" | Out-Default
}
finally {
    $env:CODEENV_ROOT = $null
    foreach ($folder in $root, $dist, $handMade) {
        if ([System.IO.Directory]::Exists($folder)) { [System.IO.Directory]::Delete($folder, $true) }
    }
}
Say 'Done: a hand-made venv adopted and registered, and a managed env offered to Jupyter as a kernel.'
