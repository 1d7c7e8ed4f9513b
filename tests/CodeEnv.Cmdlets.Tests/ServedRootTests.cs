using System.Diagnostics;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// A served root as a shared server's users meet it: a real service running as its own OS account, and real users
/// and groups calling cmdlets in their own processes. The service knows them from the kernel, the access policy
/// decides, and the OS keeps everyone out of what the policy does not open.
/// </summary>
[Collection(ServedRootCollection.Name)]
public class ServedRootTests : IClassFixture<ServedRootTests.Users>
{
    private const string Alice = "codeenv-alice";
    private const string Bob = "codeenv-bob";
    private const string Analysts = "codeenv-analysts";

    private readonly ServedRootHost served;

    public ServedRootTests(Users users)
    {
        served = users.Served;
    }

    [AsRootFact]
    public void Initialize_with_a_service_account_gives_every_file_to_it_and_opens_only_what_users_may_read()
    {
        var owners = ChildProcess.Run("find", served.Root, "!", "-user", ServedRootHost.ServiceAccount).Output.Trim();
        Assert.Equal("", owners);
        Assert.Equal("644", Mode(Path.Combine(served.Root, "codeenv.json")));
        Assert.Equal("711", Mode(Path.Combine(served.Root, "state")));
        Assert.Equal("700", Mode(Path.Combine(served.Root, "cache")));
        Assert.Equal("700", Mode(Path.Combine(served.Root, "state", "locks")));
        Assert.Equal("666", Mode(Path.Combine(served.Root, "state", "codeenv.sock")));
    }

    [AsRootFact]
    public void Only_root_can_make_a_served_root_and_a_refusal_creates_nothing()
    {
        var folder = Path.Combine(served.Shared, "not-made-" + Guid.NewGuid().ToString("N")[..8]);

        var result = served.Run(Alice, $"try {{ Initialize-CodeEnvRoot -Path '{folder}' -ServiceAccount {ServedRootHost.ServiceAccount} -ErrorAction Stop }} catch {{ $_.FullyQualifiedErrorId; $_.Exception.Message }}");

        Assert.StartsWith("ServiceAccountChownFailed,", result.Lines()[0]);
        Assert.Contains("only root can give them to it", result.Lines()[1]);
        Assert.False(Directory.Exists(folder));
    }

    [AsRootFact]
    public void A_user_is_who_the_OS_says_and_gets_the_engines_objects_with_pips_output_live()
    {
        var result = served.Run(Alice, $"$e = New-CodeEnv -Name alice-env -Interpreter {ServedRootHost.Python} -Requirement alpha -Verbose 4>&1 | ForEach-Object {{ if ($_ -is [System.Management.Automation.VerboseRecord]) {{ 'verbose: ' + $_.Message }} else {{ $_ }} }}; $e | Where-Object {{ $_ -is [string] }}; $info = $e | Where-Object {{ $_ -isnot [string] }}; $info.PSObject.TypeNames[0]; $info.Owner; $info.State");

        result.AssertSucceeded();
        var lines = result.Lines();
        Assert.True(lines.Any(l => l.StartsWith("verbose: ") && l.Contains("Successfully installed alpha-2.0 beta-1.5")), result.Output);
        Assert.Equal(new[] { "CodeEnv.EnvironmentInfo", Alice, "Ready" }, lines[^3..]);
    }

    [AsRootFact]
    public void A_new_env_and_its_update_install_from_the_package_store_as_the_service_account_and_its_user_runs_them()
    {
        served.Run(Alice, $"New-CodeEnv store-env -Interpreter {ServedRootHost.Python} -Requirement 'alpha==1.0' | Out-Null; Add-CodeEnvPackage store-env 'gamma[fast]' -Update | Out-Null").AssertSucceeded();

        // Debian's pip 23.0.1 is one whose choices the resolver reproduces, so neither build ran pip.
        var log = string.Join("\n", Directory.GetFiles(Path.Combine(served.EnvFolder("store-env"), "logs")).Order().Select(File.ReadAllText));
        Assert.DoesNotContain("pip installs this set", log);
        Assert.Contains("Installed 2 packages from the package store without pip (the whole set", log);
        Assert.Contains("Installed 4 packages from the package store without pip (only what changed was chosen", log);

        var venv = Path.Combine(served.EnvFolder("store-env"), "venv");
        var module = Path.Combine(venv, "lib", "python3.11", "site-packages", "delta", "__init__.py");
        // Links of the stored tree's file, read-only and the service account's, so no env's user can write the store through them.
        Assert.Equal($"{ServedRootHost.ServiceAccount} 444", ChildProcess.Run("stat", "-c", "%U %a", module).Output.Trim());
        Assert.NotEqual("", ChildProcess.Run("find", Path.Combine(served.Root, "store"), "-samefile", module).Output.Trim());
        var run = ChildProcess.Run("runuser", "-u", Alice, "--", Path.Combine(venv, "bin", "python"), "-c", "import alpha, beta, gamma, delta; print(alpha.__version__, gamma.__version__)");
        Assert.Equal((0, "1.0 1.0"), (run.ExitCode, run.Output.Trim()));
    }

    [AsRootFact]
    public void Every_object_comes_back_from_the_service_as_the_engine_made_it()
    {
        served.Run(Alice, $"New-CodeEnv wire -Interpreter {ServedRootHost.Python} -Requirement alpha -Description 'over the wire' | Out-Null; Grant-CodeEnvPermission wire -Group {Analysts} -Permission UpdatePackages").AssertSucceeded();
        const string dump = """
            foreach ($o in @(Get-CodeEnv wire; Get-CodeEnvRoot; Get-CodeEnvPackage wire; Get-CodeEnvInstalledPackage wire; Get-CodeEnvHistory wire; Get-CodeEnvPermission wire; Test-CodeEnv wire; Get-CodeEnvLog wire; Get-CodeEnvPackageSet; Get-CodeEnvContainerConfig)) {
                $o.PSObject.TypeNames[0]
                foreach ($p in $o.PSObject.Properties) {
                    $v = $p.Value
                    if ($v -is [System.Collections.IDictionary]) { $v = $v.Keys }
                    if ($p.Name -ne 'LastUsed' -and $p.Name -notlike 'Service*') { '  ' + $p.Name + '=' + (@($v) -join ';') }
                }
            }
            """;
        var viaService = served.Run(Alice, dump).AssertSucceeded().Output;

        // The same root read directly: a copy whose codeenv.json names no service, read by this process's own engine.
        var copy = Path.Combine(served.Shared, "direct-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.Equal(0, ChildProcess.Run("cp", "-a", served.Root, copy).ExitCode);
        var settingsFile = Path.Combine(copy, "codeenv.json");
        var settings = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(settingsFile));
        settings.Remove("service");
        File.WriteAllText(settingsFile, settings.ToString());
        using var ps = new PowerShellSession(initializeRoot: false);
        var direct = string.Join("\n", ps.Run("$env:CODEENV_ROOT = $args[0]; " + dump, copy).AssertSuccess().Output.Select(o => o.ToString()));

        Assert.Contains("CodeEnv.HealthReport", viaService);
        Assert.Equal(direct.Replace(copy, served.Root), string.Join("\n", viaService.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))));
    }

    [AsRootFact]
    public void Errors_from_the_service_keep_their_id_and_category()
    {
        served.Run(Alice, $"New-CodeEnv -Name alice-errors -Interpreter {ServedRootHost.Python} -NoInstall").AssertSucceeded();

        var result = served.Run(Bob, "try { Set-CodeEnv alice-errors -Description mine -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; [string]$_.CategoryInfo.Category; $_.Exception.Message }; try { Get-CodeEnv no-such-env -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; [string]$_.CategoryInfo.Category }");

        var lines = result.Lines();
        Assert.StartsWith("CodeEnvPermissionDenied,", lines[0]);
        Assert.Equal("PermissionDenied", lines[1]);
        Assert.Contains($"'{Bob}' may not run Set-CodeEnv on the env 'alice-errors'", lines[2]);
        Assert.StartsWith("CodeEnvNotFound,", lines[3]);
        Assert.Equal("ObjectNotFound", lines[4]);
    }

    [AsRootFact]
    public void A_file_the_caller_names_is_refused_as_on_a_direct_root()
    {
        var missing = Path.Combine(served.Shared, "no-such-file");

        var result = served.Run("root", $"foreach ($try in {{ Publish-CodeEnvPackage -Path '{missing}.whl' -ErrorAction Stop }}, {{ Import-CodeEnv '{missing}.json' -ErrorAction Stop }}, {{ Export-CodeEnvContainerFile any slim -Path '{served.Links}' -ErrorAction Stop }}) {{ try {{ & $try }} catch {{ $_.FullyQualifiedErrorId.Split(',')[0] }} }}");

        Assert.Equal(new[] { "PackageArchiveNotFound", "ExportFileNotFound", "ContainerContextFolderNotEmpty" }, result.Lines());
    }

    [AsRootFact]
    public void WhatIf_on_a_served_root_asks_the_same_question_and_changes_nothing()
    {
        served.Run(Alice, $"New-CodeEnv -Name alice-whatif -Interpreter {ServedRootHost.Python} -NoInstall").AssertSucceeded();

        var result = served.Run(Alice, "Remove-CodeEnv alice-whatif -WhatIf; (Get-CodeEnv alice-whatif).Name");

        result.AssertSucceeded();
        Assert.Contains("What if: Performing the operation \"Remove CodeEnv environment\" on target \"alice-whatif in " + served.Root, result.Output);
        Assert.Equal("alice-whatif", result.Lines()[^1]);
    }

    [AsRootFact]
    public void Use_is_enforced_by_the_OS_and_follows_grants_and_revokes()
    {
        served.Run(Alice, $"New-CodeEnv -Name alice-private -Interpreter {ServedRootHost.Python}; Set-CodeEnv alice-private -UsableByAll $false").AssertSucceeded();
        var python = Path.Combine(served.EnvFolder("alice-private"), "venv", "bin", "python");

        Assert.NotEqual(0, ChildProcess.Run("runuser", "-u", Bob, "--", python, "-c", "print(1)").ExitCode);
        Assert.NotEqual(0, ChildProcess.Run("runuser", "-u", Bob, "--", "cat", Path.Combine(served.EnvFolder("alice-private"), "env.json")).ExitCode);
        var denied = served.Run(Bob, "try { Invoke-CodeEnvPython alice-private -ArgumentList '-c', 'print(6 * 7)' -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }");
        Assert.StartsWith("CodeEnvPermissionDenied,", denied.Output.Trim());
        Assert.Equal(0, ChildProcess.Run("runuser", "-u", Alice, "--", python, "-c", "print(1)").ExitCode);

        served.Run(Alice, $"Grant-CodeEnvPermission alice-private -Group {Analysts} -Permission Use").AssertSucceeded();
        var run = ChildProcess.Run("runuser", "-u", Bob, "--", python, "-c", "import sys; print(sys.prefix)");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("42", served.Run(Bob, "Invoke-CodeEnvPython alice-private -ArgumentList '-c', 'print(6 * 7)'").AssertSucceeded().Output);

        served.Run(Alice, $"Revoke-CodeEnvPermission alice-private -Group {Analysts}").AssertSucceeded();
        Assert.NotEqual(0, ChildProcess.Run("runuser", "-u", Bob, "--", python, "-c", "print(1)").ExitCode);
    }

    [AsRootFact]
    public void The_service_runs_no_interpreter_a_caller_names_that_it_does_not_know()
    {
        var marker = Path.Combine("/var/tmp", "codeenv-ran-" + Guid.NewGuid().ToString("N"));
        var fake = Path.Combine(served.Shared, "python3");
        File.WriteAllText(fake, $"#!/bin/sh\ntouch {marker}\necho 3.11.2\n");
        ChildProcess.Run("chmod", "755", fake);

        var result = served.Run(Alice, $"try {{ New-CodeEnv fake-python -Interpreter '{fake}' -NoInstall -ErrorAction Stop }} catch {{ $_.FullyQualifiedErrorId; $_.Exception.Message }}");

        Assert.StartsWith("InterpreterNotKnownToService,", result.Lines()[0]);
        Assert.Contains("will not run it", result.Lines()[1]);
        Assert.False(File.Exists(marker), "The service ran a program a caller named.");
    }

    [AsRootFact]
    public void A_container_build_context_from_the_service_is_byte_for_byte_the_one_the_engine_writes()
    {
        AsRoot("New-CodeEnvContainerConfig -ConfigName ctx-slim -BaseImage python:3.11-slim -PythonPath /usr/local/bin/python3");
        served.Run(Alice, $"New-CodeEnv ctx -Interpreter {ServedRootHost.Python} -Requirement alpha -ContainerSelection Selected -ContainerConfig ctx-slim | Out-Null").AssertSucceeded();
        var viaService = Path.Combine(served.Shared, "ctx-served-" + Guid.NewGuid().ToString("N")[..8]);
        var direct = Path.Combine(served.Shared, "ctx-direct-" + Guid.NewGuid().ToString("N")[..8]);
        var labels = Path.Combine(served.Shared, "ctx-labels-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
        File.WriteAllText(labels, "cat dog\n");
        served.Run(Alice, $"Publish-CodeEnvResource ctx -Path '{labels}' -Destination models | Out-Null").AssertSucceeded();

        served.Run(Alice, $"Export-CodeEnvContainerFile ctx -ConfigName ctx-slim -Path '{viaService}' | Out-Null").AssertSucceeded();
        served.WhileDirect(() => ShellProcess.Run(new[] { "-Command", $"Export-CodeEnvContainerFile ctx -ConfigName ctx-slim -Path '{direct}' -Root '{served.Root}'" }).AssertSucceeded());

        var wheels = Directory.GetFiles(Path.Combine(direct, "wheels"), "*.whl");
        Assert.NotEmpty(wheels);
        Assert.Single(Directory.GetFiles(Path.Combine(direct, "resources", "models")));
        Assert.Equal(Tree(direct), Tree(viaService));
    }

    // Every entry's relative path, and a file's bytes as their sha256.
    private static string[] Tree(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Select(e => Path.GetRelativePath(folder, e) + (Directory.Exists(e) ? "/" : " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(e)))))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private void AsRoot(string script) => ShellProcess.Run(new[] { "-Command", $"$env:CODEENV_ROOT = '{served.Root}'; {script}" }).AssertSucceeded();

    private static string Mode(string path) => ChildProcess.Run("stat", "-c", "%a", path).Output.Trim();

    /// <summary>alice may create envs; bob is an analyst.</summary>
    public sealed class Users : ServedRootFixture
    {
        public Users()
            : base((Alice, Creators), (Bob, Analysts))
        {
        }
    }
}

/// <summary>
/// The classes that start a service on a served root run in two chains, each class after another within its chain
/// (each brings up a service and many OS users' processes; the test accounts they share are made under one lock, see
/// <see cref="CodeEnv.TestSupport.OsAccounts"/>), beside the other classes. One chain holds what tests the service
/// itself (its limits, its lifecycle, its deployment, driving it from pwsh), the other the operations through it. Together
/// they took six of a run's nine minutes in one chain, so they are split and both start first
/// (<see cref="LongestChainFirst"/>), each with a thread of its own. The timed waits of every class wait on conditions
/// with minutes of patience (<see cref="CodeEnv.TestSupport.Patience"/>), so the load they add fails no test.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServedRootCollection
{
    public const string Name = "served roots";
}

/// <summary>The second chain of <see cref="ServedRootCollection"/>: the service itself.</summary>
[CollectionDefinition(Name)]
public sealed class ServiceCollection
{
    public const string Name = "served roots: the service";
}
