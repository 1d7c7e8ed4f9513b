# Dot-sourced by every Pester file (Common.ps1 is not a *.Tests.ps1, so Pester does not run it as a suite): the module
# as a pwsh user imports it, and a fresh root per file that the file's cmdlets use by default.
$script:repo = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../..'))
$script:manifest = Join-Path $script:repo 'out/CodeEnv/CodeEnv.psd1'

function New-TestRootPath([string] $prefix = 'codeenv-pester') {
    Join-Path ([System.IO.Path]::GetTempPath()) ($prefix + '-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
}

# Imports the built module and makes a root every CodeEnv cmdlet of the file uses unless told otherwise.
function Initialize-TestRoot {
    Import-Module $script:manifest -Force
    $script:root = New-TestRootPath
    Initialize-CodeEnvRoot -Path $script:root | Out-Null
    Copy-TestSeed $script:root
    $global:PSDefaultParameterValues['*-CodeEnv*:Root'] = $script:root
    $script:root
}

# The interpreter seeds the xunit runner's test run has built (CODEENV_TEST_SEEDS; see SharedSeeds.cs) linked into a
# root, so its first env is laid out from a seed instead of `python -m venv`, as in the runner's own roots. The engine
# built each seed and names its folder after the interpreter; folders still being copied end in a GUID. Nothing is
# linked when the file is run by hand.
function Copy-TestSeed([string] $root) {
    if (-not $env:CODEENV_TEST_SEEDS -or -not (Test-Path $env:CODEENV_TEST_SEEDS)) { return }
    $seeds = Join-Path $root 'cache/seeds'
    New-Item -ItemType Directory -Force -Path $seeds | Out-Null
    foreach ($seed in Get-ChildItem -Directory $env:CODEENV_TEST_SEEDS) {
        if ($seed.Name -notmatch '\.(copying-)?[0-9a-f]{32}$' -and (Test-Path (Join-Path $seed.FullName 'seed.json'))) {
            New-Item -ItemType SymbolicLink -Path (Join-Path $seeds $seed.Name) -Target $seed.FullName | Out-Null
        }
    }
}

function Remove-TestRoot {
    $global:PSDefaultParameterValues.Remove('*-CodeEnv*:Root')
    if ($script:root) { Remove-Item -Recurse -Force $script:root -ErrorAction SilentlyContinue }
}

# The newest interpreter that can make venvs, as the major.minor New-CodeEnv takes.
function Get-TestPythonVersion {
    $newest = Get-CodeEnvPython | Where-Object SupportsVenv | Sort-Object { [version]($_.Version -replace '[^\d.].*$', '') } -Descending | Select-Object -First 1
    $newest.Version -replace '^(\d+\.\d+).*', '$1'
}

# Runs the pwsh this test runs in as a child process (-NoProfile, then the given arguments), with text for its standard
# input and extra environment variables; returns its exit code and what it wrote to stdout and stderr, line by line.
function Invoke-ChildPwsh {
    param(
        [Parameter(Mandatory)] [string[]] $ArgumentList,
        [hashtable] $Environment = @{},
        [string] $InputText = '',
        [string] $WorkingDirectory = (Get-Location).ProviderPath,
        [timespan] $Timeout = [timespan]::FromMinutes(5)
    )
    $start = [System.Diagnostics.ProcessStartInfo]::new((Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })))
    foreach ($argument in @('-NoProfile') + $ArgumentList) { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.WorkingDirectory = $WorkingDirectory
    $start.Environment['NO_COLOR'] = '1'
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
    $process = [System.Diagnostics.Process]::Start($start)
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        $process.StandardInput.Write($InputText)
        $process.StandardInput.Close()
        if (-not $process.WaitForExit([int]$Timeout.TotalMilliseconds)) {
            $process.Kill($true)
            throw "pwsh $($ArgumentList -join ' ') did not finish within $Timeout; its output: $($stdout.Result) $($stderr.Result)"
        }
        $process.WaitForExit()
        [pscustomobject]@{
            ExitCode = $process.ExitCode
            Output   = @($stdout.Result -split '\r?\n' | Where-Object { $_ -ne '' })
            Errors   = @($stderr.Result -split '\r?\n' | Where-Object { $_ -ne '' })
        }
    }
    finally { $process.Dispose() }
}

# The built codeenv shell: the one the xunit runner names (CODEENV_TEST_SHELL, the configuration it was built in), else
# the newest build, for a Pester file run by hand.
function Get-TestShell {
    if ($env:CODEENV_TEST_SHELL) { return $env:CODEENV_TEST_SHELL }
    $built = Get-ChildItem (Join-Path $script:repo 'src/CodeEnv.Shell/bin/*/net10.0/codeenv.dll') -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    if (-not $built) { throw "The codeenv shell is not built: run 'dotnet build CodeEnv.Cmdlets.sln' first." }
    $built.FullName
}

# Runs the codeenv shell as a cron job would, with these arguments; returns its exit code, stdout and stderr.
function Invoke-TestShell([string[]] $arguments) {
    $errorFile = New-TemporaryFile
    try {
        $output = & dotnet (Get-TestShell) @arguments 2> $errorFile.FullName
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output -join "`n"); Error = (Get-Content -Raw $errorFile.FullName) + '' }
    }
    finally { Remove-Item $errorFile.FullName -ErrorAction SilentlyContinue }
}
