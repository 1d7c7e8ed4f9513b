# A served root driven from real pwsh: its service started with Start-CodeEnvService as its own OS account, and two OS
# users, each running the cmdlets in a pwsh of their own (runuser). The service knows them from the kernel; the access
# policy decides what each may do. Made and removed by this file: the accounts, their groups, the root, the service.
# It needs root on Linux (useradd, runuser), as CI runs.
BeforeDiscovery {
    $script:canServe = $IsLinux -and (& id -u) -eq '0'
}

Describe 'A served root, from the pwsh of two OS users' -Skip:(-not $canServe) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        Import-Module $script:manifest -Force
        . (Join-Path $script:repo 'examples/DemoWheel.ps1')

        # What a served root needs from the OS, installed as deploy/install.sh and .ci/run install it.
        $missing = @()
        if (-not (Test-Path /usr/bin/setfacl)) { $missing += 'acl' }
        if (-not (Test-Path /usr/bin/bwrap)) { $missing += 'bubblewrap' }
        & /usr/bin/python3 -c 'import venv, ensurepip' 2>$null
        if ($LASTEXITCODE -ne 0) { $missing += 'python3-venv' }
        if ($missing) {
            $env:DEBIAN_FRONTEND = 'noninteractive'
            & apt-get update -q | Out-Null
            & apt-get install -y -q @missing | Out-Null
        }

        $id = [guid]::NewGuid().ToString('N').Substring(0, 6)
        $script:service = "cep-svc-$id"
        $script:alice = "cep-alice-$id"
        $script:bob = "cep-bob-$id"
        $script:creators = "cep-creators-$id"
        $script:analysts = "cep-analysts-$id"
        # Every account can run Debian's python; pyenv's under /root are out of their reach.
        $script:python = '/usr/bin/python3'

        # pwsh and the module copied where every account may read them: both sit under /root here (and CI clones into a
        # folder only its owner may enter).
        $script:shared = "/tmp/codeenv-pester-served-$id"
        New-Item -ItemType Directory -Path $shared | Out-Null
        Copy-Item -Recurse $PSHOME (Join-Path $shared 'pwsh')
        Copy-Item -Recurse (Split-Path $script:manifest) (Join-Path $shared 'CodeEnv')
        $script:pwsh = Join-Path $shared 'pwsh/pwsh'
        $script:module = Join-Path $shared 'CodeEnv/CodeEnv.psd1'
        $script:links = Join-Path $shared 'links'
        New-Item -ItemType Directory -Path $links | Out-Null
        New-DemoWheel $links 'table-kit' '1.2.0' | Out-Null
        New-DemoWheel $links 'report-kit' '0.9.0' -requires 'table-kit>=1.0' | Out-Null
        & chmod -R a+rX $shared

        & groupadd $creators
        & groupadd $analysts
        foreach ($account in @(@($service, $null), @($alice, $creators), @($bob, $analysts))) {
            $homeFolder = Join-Path $shared "home-$($account[0])"
            $groups = if ($account[1]) { @('-G', $account[1]) } else { @() }
            & useradd -M -d $homeFolder -s /bin/sh @groups $account[0]
            New-Item -ItemType Directory -Path $homeFolder | Out-Null
            & chown $account[0] $homeFolder
        }

        $script:root = Join-Path $shared 'root'
        Initialize-CodeEnvRoot -Path $root -ServiceAccount $service | Out-Null

        # The service in the foreground of a pwsh run as its account, as systemd runs `codeenv serve`.
        $script:serviceLog = Join-Path $shared 'service.log'
        # In a plain environment, as systemd gives it: no pyenv of root's.
        $pyenv = @(Get-ChildItem env: | Where-Object Name -like 'PYENV*')
        $pyenv | ForEach-Object { Remove-Item "env:$($_.Name)" }
        # Started in a folder every account can enter: in CI the repository sits in a 0700 temp folder, and a service whose
        # working folder it cannot enter starts no interpreter probe, so it finds no python at all.
        $script:serviceProcess = Start-Process -FilePath runuser -WorkingDirectory '/tmp' -PassThru -RedirectStandardOutput $serviceLog -RedirectStandardError "$serviceLog.err" -ArgumentList @(
            '-u', $service, '--', $pwsh, '-NoProfile', '-NonInteractive', '-Command', "Import-Module '$module'; Start-CodeEnvService -Root '$root'")
        $pyenv | ForEach-Object { Set-Item "env:$($_.Name)" $_.Value }
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        while (-not ((Get-Content -Raw $serviceLog -ErrorAction SilentlyContinue) -match 'listening on')) {
            if ($serviceProcess.HasExited -or $clock.Elapsed.TotalSeconds -gt 120) {
                throw "The service did not start listening: $(Get-Content -Raw $serviceLog) $(Get-Content -Raw "$serviceLog.err")"
            }
            Start-Sleep -Milliseconds 200
        }

        # Root, its administrator, sets the sources and lets the creators group create envs, through the service.
        Set-CodeEnvRoot -Root $root -NoIndex -FindLinks $links -CreatorGroup $creators

        # Runs a script as an OS user in a pwsh of their own, with the module imported and the served root as the default;
        # returns the exit code, output and errors.
        function Invoke-AsUser([string] $user, [string] $script) {
            $start = [System.Diagnostics.ProcessStartInfo]::new('runuser')
            $command = "Import-Module '$module'; `$env:CODEENV_ROOT = '$root'; $script"
            foreach ($argument in '-u', $user, '--', $pwsh, '-NoProfile', '-NonInteractive', '-Command', $command) { $start.ArgumentList.Add($argument) }
            foreach ($name in @($start.Environment.Keys | Where-Object { $_ -like 'PYENV*' -or $_ -like 'CODEENV*' })) { $start.Environment.Remove($name) | Out-Null }
            $start.Environment['NO_COLOR'] = '1'
            $start.WorkingDirectory = '/tmp'
            $start.RedirectStandardOutput = $true
            $start.RedirectStandardError = $true
            $process = [System.Diagnostics.Process]::Start($start)
            try {
                $stdout = $process.StandardOutput.ReadToEndAsync()
                $stderr = $process.StandardError.ReadToEndAsync()
                if (-not $process.WaitForExit(300000)) { $process.Kill($true); throw "$user's pwsh did not finish: $script" }
                $process.WaitForExit()
                [pscustomobject]@{
                    ExitCode = $process.ExitCode
                    Output   = @($stdout.Result -split '\r?\n' | Where-Object { $_ -ne '' })
                    Errors   = $stderr.Result
                }
            }
            finally { $process.Dispose() }
        }

        $script:envName = 'shared-report'
    }

    AfterAll {
        if ($script:serviceProcess -and -not $serviceProcess.HasExited) {
            # runuser waits for the pwsh it started; stop that pwsh as systemd stops the service (SIGTERM), then runuser.
            $children = Get-Content "/proc/$($serviceProcess.Id)/task/$($serviceProcess.Id)/children" -ErrorAction SilentlyContinue
            foreach ($child in -split $children) { & kill -TERM $child }
            if (-not $serviceProcess.WaitForExit(30000)) {
                foreach ($child in -split $children) { & kill -KILL $child }
                Stop-Process -Id $serviceProcess.Id -Force -ErrorAction SilentlyContinue
            }
        }
        foreach ($user in $script:alice, $script:bob, $script:service) { if ($user) { & userdel $user 2>$null } }
        foreach ($group in $script:creators, $script:analysts) { if ($group) { & groupdel $group 2>$null } }
        if ($script:shared) { Remove-Item -Recurse -Force $script:shared -ErrorAction SilentlyContinue }
    }

    It 'a creator makes an env from her own pwsh, and the service builds it with her as its owner' {
        $run = Invoke-AsUser $alice "`$e = New-CodeEnv -Name $envName -Interpreter $python -Requirement 'table-kit==1.2.0'; `$e.Owner; [string]`$e.State; Set-CodeEnv $envName -UsableByAll `$false"
        $run.ExitCode | Should -Be 0 -Because $run.Errors
        $run.Output | Should -Be $alice, 'Ready'
    }

    It 'a user with no right on her private env sees it listed, but not its packages' {
        $run = Invoke-AsUser $bob "`$e = Get-CodeEnv $envName; `$e.Name; `$e.RequestedPackages.Count; try { Get-CodeEnvPackage $envName -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId; [string]`$_.CategoryInfo.Category }"
        $run.Output | Should -Be $envName, '0', 'CodeEnvPermissionDenied,CodeEnv.Cmdlets.Commands.GetCodeEnvPackageCommand', 'PermissionDenied' -Because $run.Errors
    }

    It 'a user with no right on her env is refused an update, and the env is unchanged' {
        $run = Invoke-AsUser $bob "try { Add-CodeEnvPackage $envName 'report-kit==0.9.0' -Update -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId; [string]`$_.CategoryInfo.Category }"
        $run.Output | Should -Be 'CodeEnvPermissionDenied,CodeEnv.Cmdlets.Commands.AddCodeEnvPackageCommand', 'PermissionDenied' -Because $run.Errors
        (Get-CodeEnv $envName -Root $root).RequestedPackages | Should -Be 'table-kit==1.2.0'
    }

    It 'once she grants his group UpdatePackages, he adds a package and the service installs it' {
        $grant = Invoke-AsUser $alice "Grant-CodeEnvPermission $envName -Group $analysts -Permission UpdatePackages"
        $grant.ExitCode | Should -Be 0 -Because $grant.Errors
        $run = Invoke-AsUser $bob "[string](Add-CodeEnvPackage $envName 'report-kit==0.9.0' -Update -PassThru).State; (Get-CodeEnvInstalledPackage $envName -PackageName report-kit).Version"
        $run.Output | Should -Be 'Ready', '0.9.0' -Because $run.Errors
    }

    It 'the service client''s RPC assemblies load in CodeEnv''s own load context, inside pwsh' {
        (Get-CodeEnv $envName -Root $root).Owner | Should -Be $alice
        $dependencies = Join-Path (Split-Path $script:manifest) 'dependencies'
        $loaded = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.Location -and $_.Location.StartsWith($dependencies) }
        $loaded.GetName().Name | Should -Contain 'StreamJsonRpc'
        $loaded | ForEach-Object { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).GetType().FullName } | Select-Object -Unique |
            Should -Be 'CodeEnv.Isolation.EngineLoadContext'
    }
}
