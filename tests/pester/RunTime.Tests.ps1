# What an env needs at run time, as an administrator's script sets it up: variables with a secret that python sees and
# nothing else shows, files published into its resources folder, a smoke test that keeps a broken venv from serving,
# the activate script a shell sources, and the image's Dockerfile. One root, one env.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Initialize-TestRoot | Out-Null
    New-CodeEnv vision -PythonVersion (Get-TestPythonVersion) | Out-Null
    $script:secret = 'hf_pester_secret_value'
}

AfterAll {
    Remove-TestRoot
}

Describe 'Run-time variables, resources and the smoke-test gate' {
    It 'gives python the variables and the secret, and shows the secret nowhere but in python' {
        $token = ConvertTo-SecureString $script:secret -AsPlainText -Force
        $env = Set-CodeEnv vision -EnvironmentVariable @{ HF_HOME = (Join-Path $TestDrive 'hf') } -SecretVariable @{ HF_TOKEN = $token } -PassThru

        $seen = Invoke-CodeEnvPython vision -c 'import os; print(os.environ["HF_HOME"]); print(os.environ["HF_TOKEN"]); print(os.path.basename(os.environ["CODEENV_RESOURCES"]))'

        $seen | Should -Be @((Join-Path $TestDrive 'hf'), $script:secret, 'resources')
        $env.SecretVariables | Should -Be @('HF_TOKEN')
        $env.EnvironmentVariables.Keys | Should -Be @('HF_HOME')
        Export-CodeEnv vision -Path (Join-Path $TestDrive 'vision.json')
        Get-Content -Raw (Join-Path $TestDrive 'vision.json') | Should -Not -Match $script:secret
        (Get-CodeEnvHistory vision | ForEach-Object { $_.Changes | Out-String }) -join "`n" | Should -Not -Match $script:secret
    }

    It 'keeps the venv serving when the smoke test from the resources folder fails, and says which check failed and where the new venv is' {
        $checks = Join-Path $TestDrive 'checks'
        New-Item -ItemType Directory -Path $checks | Out-Null
        Set-Content -Path (Join-Path $checks 'gpu.py') -Value "import sys`nprint('no GPU visible')`nsys.exit(1)"
        $published = Get-ChildItem $checks | Publish-CodeEnvResource -Name vision -Destination checks
        $published.ResourcePath | Should -Be 'checks/gpu.py'
        Set-CodeEnv vision -SmokeTestScript checks/gpu.py
        $before = Invoke-CodeEnvPython vision -c 'import sys; print(sys.prefix)'

        Update-CodeEnv vision -Rebuild -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].FullyQualifiedErrorId | Should -BeLike 'SmokeTestFailed*'
        $failed[0].Exception.Message | Should -BeLike "*smoke test script 'checks/gpu.py'*no GPU visible*"
        $kept = Join-Path (Get-CodeEnv vision).Path 'failed'
        $failed[0].Exception.Message | Should -BeLike "*$kept*"
        (Get-CodeEnv vision).StateDetail | Should -BeLike "*$kept*"
        Invoke-CodeEnvPython vision -c 'import sys; print(sys.prefix)' | Should -Be $before
    }

    It 'switches once the smoke test passes, and the activate script gives a shell the venv and the variables but not the secret' {
        Set-Content -Path (Join-Path $TestDrive 'gpu.py') -Value "print('GPU ok')"
        Publish-CodeEnvResource vision -Path (Join-Path $TestDrive 'gpu.py') -Destination checks | Out-Null

        Update-CodeEnv vision -Rebuild

        (Get-CodeEnv vision).State | Should -Be 'Ready'
        $activate = Join-Path (Get-CodeEnv vision).Path 'activate'
        $shell = & sh -c ". '$activate' && python -c 'import os, sys; print(os.environ[""HF_HOME""]); print(sys.prefix); print(os.environ.get(""HF_TOKEN"", ""none""))'"
        $shell[0] | Should -Be (Join-Path $TestDrive 'hf')
        $shell[1] | Should -BeLike ((Get-CodeEnv vision).Path + '/venvs/*')
        $shell[2] | Should -Be 'none'
    }

    It 'writes the variables into the image''s Dockerfile as ENV lines and the resources into its context, the secret nowhere' {
        New-CodeEnvContainerConfig slim -BaseImage python:3.12-slim -PythonPath /usr/local/bin/python3 | Out-Null
        Set-CodeEnv vision -ContainerSelection Selected -ContainerConfig slim

        Export-CodeEnvContainerFile vision -ConfigName slim -Path (Join-Path $TestDrive 'context') | Out-Null

        $dockerfile = Get-Content -Raw (Join-Path $TestDrive 'context/Dockerfile')
        $dockerfile | Should -Match ('ENV HF_HOME="' + [regex]::Escape((Join-Path $TestDrive 'hf')) + '"')
        $dockerfile | Should -Not -Match 'HF_TOKEN'
        $dockerfile | Should -Not -Match $script:secret
        # The resources go in too, to the env's own resources folder, which CODEENV_RESOURCES names in the image.
        Get-Content -Raw (Join-Path $TestDrive 'context/resources/checks/gpu.py') | Should -Match 'GPU ok'
        $dockerfile | Should -Match ('CODEENV_RESOURCES="' + [regex]::Escape((Get-CodeEnv vision).Path + '/resources') + '"')
        Get-ChildItem -Recurse -File (Join-Path $TestDrive 'context') | Select-String -SimpleMatch $script:secret | Should -BeNullOrEmpty
    }
}
