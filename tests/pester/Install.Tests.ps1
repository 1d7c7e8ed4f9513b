# How a user gets CodeEnv: the built module (out/CodeEnv) published with PSResourceGet to a repository of one's own,
# installed from it with Install-PSResource as any module is, and imported by name in a new pwsh.
#
# PSResourceGet keeps its repository list, and pwsh the CurrentUser modules, in the user's own folders. So every
# PSResourceGet step runs in a child pwsh whose user is a temp folder (HOME and the XDG folders, which .NET and pwsh
# read on Linux and macOS, where this suite runs): the repository is registered, and the module installed, for that
# throwaway user only, and deleting the folder in AfterAll unregisters the one and uninstalls the other. The account
# that runs the test never has the repository in its list (the last test checks that).
#
# Install-PSResource -Scope CurrentUser, not Save-PSResource into a folder put on PSModulePath: it is what a user
# types, and it proves the module lands where a new session of that user finds it by name with no setup at all.
# The file takes about 40 s on 2 cores, most of it the three child pwsh processes (publish, install, use).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    $script:moduleFolder = Split-Path $script:manifest
    $script:work = New-TestRootPath 'codeenv-install'
    $script:feed = Join-Path $script:work 'feed'
    $script:userHome = Join-Path $script:work 'home'
    $script:userData = Join-Path $script:userHome '.local/share'
    $script:userModules = Join-Path $script:userData 'powershell/Modules'
    $script:repositoryName = 'CodeEnvInstallTest-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    # The user's folders exist before PSResourceGet starts: .NET answers an empty path for a missing
    # LocalApplicationData, and PSResourceGet then writes its repository list into the working directory instead.
    foreach ($folder in $script:feed, $script:userData, (Join-Path $script:userHome '.config'), (Join-Path $script:userHome '.cache')) {
        New-Item -ItemType Directory -Path $folder -Force | Out-Null
    }

    # The repository list of the account running the test, as it was before (null when it has none).
    $script:ownRepositoryList = Join-Path ([Environment]::GetFolderPath('LocalApplicationData', 'DoNotVerify')) 'PSResourceGet/PSResourceRepository.xml'
    $script:ownRepositoryListBefore = Get-Content -Raw -LiteralPath $script:ownRepositoryList -ErrorAction SilentlyContinue

    # Runs $Script with $Arguments splatted in a new pwsh of the throwaway user and returns what it returns. PSModulePath
    # is not inherited, so pwsh builds the one a new session of that user gets. The result comes back as JSON in a file,
    # since a warning the child prints would corrupt its standard output.
    function Invoke-AsNewUser([scriptblock] $Script, [hashtable] $Arguments = @{}) {
        $step = Join-Path $script:work ('step-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        Set-Content -LiteralPath "$step.ps1" -Value @"
param([string] `$ArgumentsJson, [string] `$ResultPath)
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
`$arguments = ConvertFrom-Json `$ArgumentsJson -AsHashtable
ConvertTo-Json -Depth 5 -InputObject (& { $Script } @arguments) | Set-Content -LiteralPath `$ResultPath
"@
        $start = [System.Diagnostics.ProcessStartInfo]::new((Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')))
        foreach ($argument in '-NoProfile', '-NonInteractive', '-File', "$step.ps1", '-ArgumentsJson', (ConvertTo-Json -Compress $Arguments), '-ResultPath', "$step.json") {
            $start.ArgumentList.Add($argument)
        }
        $start.WorkingDirectory = $script:work
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.Environment['HOME'] = $script:userHome
        $start.Environment['XDG_DATA_HOME'] = $script:userData
        $start.Environment['XDG_CONFIG_HOME'] = Join-Path $script:userHome '.config'
        $start.Environment['XDG_CACHE_HOME'] = Join-Path $script:userHome '.cache'
        $start.Environment['NO_COLOR'] = '1'
        $start.Environment.Remove('PSModulePath') | Out-Null

        $child = [System.Diagnostics.Process]::Start($start)
        $output = $child.StandardOutput.ReadToEndAsync()
        $errors = $child.StandardError.ReadToEndAsync()
        if (-not $child.WaitForExit(120000)) {
            $child.Kill($true)
            throw "The child pwsh did not finish in 2 minutes: $Script"
        }
        if ($child.ExitCode -ne 0) {
            throw "The child pwsh failed with exit code $($child.ExitCode):`n$($errors.Result)`n$($output.Result)"
        }
        Get-Content -Raw -LiteralPath "$step.json" | ConvertFrom-Json
    }

    # The steps a user takes, each in its own pwsh; the tests below check what each left.
    $script:published = Invoke-AsNewUser -Arguments @{ Repository = $script:repositoryName; Feed = $script:feed; ModuleFolder = $script:moduleFolder } {
        param($Repository, $Feed, $ModuleFolder)
        Register-PSResourceRepository -Name $Repository -Uri $Feed -Trusted
        Publish-PSResource -Path $ModuleFolder -Repository $Repository -WarningVariable warnings -WarningAction SilentlyContinue
        @{ Warnings = @($warnings | ForEach-Object Message) }
    }
    $script:package = Get-ChildItem -LiteralPath $script:feed -Filter 'CodeEnv.*.nupkg'
    $script:packageFolder = Join-Path $script:work 'package'
    [System.IO.Compression.ZipFile]::ExtractToDirectory($script:package.FullName, $script:packageFolder)
    # NuGet's own parts of every package, beside the module's files.
    $script:nugetParts = '_rels/.rels', '`[Content_Types`].xml', 'package/services/metadata/core-properties/*.psmdcp', 'CodeEnv.nuspec'
    $script:packedModuleFiles = Get-ChildItem -LiteralPath $script:packageFolder -Recurse -File |
        ForEach-Object { [System.IO.Path]::GetRelativePath($script:packageFolder, $_.FullName).Replace('\', '/') } |
        Where-Object { $path = $_; -not ($script:nugetParts | Where-Object { $path -like $_ }) }

    $script:installed = Invoke-AsNewUser -Arguments @{ Repository = $script:repositoryName } {
        param($Repository)
        Install-PSResource -Name CodeEnv -Repository $Repository -Scope CurrentUser -WarningVariable warnings -WarningAction SilentlyContinue
        @{ Location = (Get-InstalledPSResource -Name CodeEnv -Scope CurrentUser).InstalledLocation; Warnings = @($warnings | ForEach-Object Message) }
    }

    $script:used = Invoke-AsNewUser -Arguments @{ Root = (Join-Path $script:work 'root') } {
        param($Root)
        Import-Module CodeEnv
        Initialize-CodeEnvRoot -Path $Root | Out-Null
        $python = Get-CodeEnvPython | Where-Object SupportsVenv | Select-Object -First 1
        New-CodeEnv -Root $Root -Name first -Interpreter $python.Path -NoInstall | Out-Null
        @{
            ModuleBase = (Get-Module CodeEnv).ModuleBase
            EngineLocation = ([System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'CodeEnv.Core' }).Location
            Root = (Get-CodeEnvRoot -Root $Root).Root
            Envs = @(Get-CodeEnv -Root $Root | ForEach-Object Name)
        }
    }
}

AfterAll {
    if ($script:work) { Remove-Item -Recurse -Force -LiteralPath $script:work -ErrorAction SilentlyContinue }
}

Describe 'CodeEnv installed from a PSResourceGet repository' {
    It 'passes Test-ModuleManifest without a warning' {
        Test-ModuleManifest -Path $script:manifest -WarningVariable warnings -WarningAction SilentlyContinue | Should -Not -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
    }

    It 'publishes the built module without a warning' {
        $script:published.Warnings | Should -BeNullOrEmpty
    }

    It 'packs every file of the built module' {
        $built = Get-ChildItem -LiteralPath $script:moduleFolder -Recurse -File |
            ForEach-Object { [System.IO.Path]::GetRelativePath($script:moduleFolder, $_.FullName).Replace('\', '/') }
        $script:packedModuleFiles | Sort-Object | Should -Be ($built | Sort-Object)
    }

    It 'packs only what the module loads or shows: no symbols, tests, xml docs or other files' {
        $allowed = 'CodeEnv.psd1', 'LICENSE', 'CodeEnv.Cmdlets.dll', 'CodeEnv.Isolation.dll', 'CodeEnv.Format.ps1xml', 'CodeEnv.Types.ps1xml',
            'en-US/CodeEnv.Cmdlets.dll-Help.xml', 'en-US/about_*.help.txt', 'dependencies/*.dll'
        $unexpected = $script:packedModuleFiles | Where-Object { $path = $_; -not ($allowed | Where-Object { $path -like $_ }) }
        $unexpected | Should -BeNullOrEmpty
    }

    It 'packs only dependencies that the module''s assemblies reference, and never PowerShell''s own' {
        $assemblies = @{}
        Get-ChildItem -LiteralPath $script:packageFolder -Recurse -Filter *.dll | ForEach-Object { $assemblies[$_.BaseName] = $_.FullName }
        $referenced = [System.Collections.Generic.HashSet[string]]::new([string[]] @('CodeEnv.Cmdlets', 'CodeEnv.Isolation'))
        $toRead = [System.Collections.Generic.Queue[string]]::new([string[]] @('CodeEnv.Cmdlets', 'CodeEnv.Isolation'))
        while ($toRead.Count -gt 0) {
            $stream = [System.IO.File]::OpenRead($assemblies[$toRead.Dequeue()])
            $reader = [System.Reflection.PortableExecutable.PEReader]::new($stream)
            try {
                $metadata = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($reader)
                foreach ($handle in $metadata.AssemblyReferences) {
                    $name = $metadata.GetString($metadata.GetAssemblyReference($handle).Name)
                    if ($assemblies.ContainsKey($name) -and $referenced.Add($name)) { $toRead.Enqueue($name) }
                }
            }
            finally { $reader.Dispose(); $stream.Dispose() }
        }
        $assemblies.Keys | Where-Object { -not $referenced.Contains($_) } | Should -BeNullOrEmpty
        $assemblies.Keys | Should -Not -Contain 'System.Management.Automation'
    }

    It 'packs each assembly once' {
        $script:packedModuleFiles | Where-Object { $_ -like '*.dll' } | Group-Object { Split-Path -Leaf $_ } |
            Where-Object Count -gt 1 | ForEach-Object Name | Should -BeNullOrEmpty
    }

    It 'installs into the user''s own module folder with Install-PSResource -Scope CurrentUser' {
        $script:installed.Location | Should -Be $script:userModules
    }

    It 'installs without a warning' {
        $script:installed.Warnings | Should -BeNullOrEmpty
    }

    It 'imports CodeEnv by name in a new pwsh, from where it was installed' {
        $script:used.ModuleBase | Should -BeLike (Join-Path $script:userModules 'CodeEnv' '*')
    }

    It 'loads the engine from the installed module''s dependencies folder' {
        $script:used.EngineLocation | Should -Be (Join-Path $script:used.ModuleBase 'dependencies' 'CodeEnv.Core.dll')
    }

    It 'records an env in a new root with the installed module''s cmdlets' {
        $script:used.Root | Should -Be (Join-Path $script:work 'root')
        $script:used.Envs | Should -Be @('first')
    }

    It 'leaves the repository list of the account that runs the test as it was' {
        Get-Content -Raw -LiteralPath $script:ownRepositoryList -ErrorAction SilentlyContinue | Should -Be $script:ownRepositoryListBefore
    }
}
