# Invoke-FreshShell runs the codeenv shell running this script again, as a new process: its apphost, or dotnet
# with codeenv.dll. Dot-source it from a benchmark that measures in fresh processes.
function Invoke-FreshShell([string[]] $arguments) {
    $shell = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    $prefix = if ([System.IO.Path]::GetFileNameWithoutExtension($shell) -eq 'dotnet') { @([System.IO.Path]::Combine([System.AppContext]::BaseDirectory, 'codeenv.dll')) } else { @() }
    & $shell @prefix @arguments
}
