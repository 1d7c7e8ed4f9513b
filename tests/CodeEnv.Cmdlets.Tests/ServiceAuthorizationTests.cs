using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// A local user with no right on a served root tries every operation of the service, and users try to make the
/// service open or run what they name: a venv whose python, pyvenv.cfg and .pth file would run their code as the
/// service account. Every refusal comes from the service's dispatch, before it reads, writes, probes or runs anything.
/// </summary>
[Collection(ServedRootCollection.Name)]
public class ServiceAuthorizationTests : IClassFixture<ServiceAuthorizationTests.Users>
{
    private const string Alice = "codeenv-alice";
    private const string Eve = "codeenv-eve";
    private const string Carol = "codeenv-carol";
    private const string PrivateEnv = "alice-private";

    private readonly ServedRootHost served;
    private readonly Users users;

    public ServiceAuthorizationTests(Users users)
    {
        this.users = users;
        served = users.Served;
    }

    /// <summary>One call per operation of the service, as a user's cmdlet makes it; {0} is a fresh folder of the caller's.</summary>
    private static readonly IReadOnlyDictionary<string, string> CallOf = new Dictionary<string, string>
    {
        ["Root/SettingsAsync"] = "Get-CodeEnvRoot",
        ["Root/ChangeAsync"] = "Set-CodeEnvRoot -KeptVenvs 5",
        ["Environments/NamesAsync"] = "Get-CodeEnv",
        ["Environments/GetAsync"] = $"Remove-CodeEnv {PrivateEnv} -WhatIf",
        ["Environments/GetManyAsync"] = $"Get-CodeEnv {PrivateEnv}",
        ["Environments/InstalledPackagesAsync"] = $"Get-CodeEnvInstalledPackage {PrivateEnv}",
        ["Environments/LogsAsync"] = $"Get-CodeEnvLog {PrivateEnv}",
        ["Environments/IncludedInAsync"] = "Get-CodeEnv -ContainerConfig slim",
        ["Environments/CompareInstalledAsync"] = $"Compare-CodeEnv {PrivateEnv} {PrivateEnv}",
        ["Environments/CompareRevisionsAsync"] = $"Compare-CodeEnv {PrivateEnv} -ReferenceRevision 1 -DifferenceRevision 1",
        ["Environments/CompareWithLastUpdateAsync"] = $"Compare-CodeEnv {PrivateEnv} -LastUpdate",
        ["Lifecycle/CreateAsync"] = "New-CodeEnv eve-adopted -FromVenv '{evil}' -NoInstall",
        ["Lifecycle/RegisterAsync"] = "Register-CodeEnv eve-registered -Path '{evil}'",
        ["Lifecycle/SetAsync"] = $"Set-CodeEnv {PrivateEnv} -Description 'eve was here'",
        ["Lifecycle/UpdateAsync"] = $"Update-CodeEnv {PrivateEnv}",
        ["Lifecycle/TestAsync"] = $"Test-CodeEnv {PrivateEnv}",
        ["Lifecycle/UsableAsync"] = $"Invoke-CodeEnvPython {PrivateEnv} -ArgumentList '-c', 'print(1)'",
        ["Lifecycle/RunVariablesAsync"] = $"Invoke-CodeEnvPython {PrivateEnv} -ArgumentList '-c', 'print(1)'",
        ["Lifecycle/BeginResourceAsync"] = $"Publish-CodeEnvResource {PrivateEnv} -Path '{{wheel}}'",
        ["Lifecycle/ResourceChunkAsync"] = $"Publish-CodeEnvResource {PrivateEnv} -Path '{{wheel}}'",
        ["Lifecycle/EndResourceAsync"] = $"Publish-CodeEnvResource {PrivateEnv} -Path '{{wheel}}'",
        ["Lifecycle/RemoveAsync"] = $"Remove-CodeEnv {PrivateEnv} -Confirm:$false",
        ["Lifecycle/DisableAsync"] = $"Disable-CodeEnv {PrivateEnv}",
        ["Lifecycle/EnableAsync"] = $"Enable-CodeEnv {PrivateEnv}",
        ["Packages/GetAsync"] = $"Get-CodeEnvPackage {PrivateEnv}",
        ["Packages/SetPackagesAsync"] = $"Set-CodeEnvPackage {PrivateEnv} -Requirement alpha",
        ["Packages/AddPackagesAsync"] = $"Add-CodeEnvPackage {PrivateEnv} -Requirement alpha",
        ["Packages/RemovePackagesAsync"] = $"Remove-CodeEnvPackage {PrivateEnv} -PackageName alpha",
        ["Packages/AddPackageSetsAsync"] = $"Add-CodeEnvPackageSet {PrivateEnv} -SetName 'Visual Machine Learning'",
        ["Packages/SetsAsync"] = "Get-CodeEnvPackageSet",
        ["Packages/BeginPublishAsync"] = "Publish-CodeEnvPackage -Path '{wheel}'",
        ["Packages/PublishChunkAsync"] = "Publish-CodeEnvPackage -Path '{wheel}'",
        ["Packages/EndPublishAsync"] = "Publish-CodeEnvPackage -Path '{wheel}'",
        ["Permissions/GetAsync"] = $"Get-CodeEnvPermission {PrivateEnv}",
        ["Permissions/GrantAsync"] = $"Grant-CodeEnvPermission {PrivateEnv} -Group codeenv-outsiders -Permission Use",
        ["Permissions/RevokeAsync"] = $"Revoke-CodeEnvPermission {PrivateEnv} -Group codeenv-outsiders",
        ["History/GetAsync"] = $"Get-CodeEnvHistory {PrivateEnv}",
        ["History/GetRootAsync"] = "Get-CodeEnvHistory",
        ["History/RestoreAsync"] = $"Restore-CodeEnv {PrivateEnv} -Revision 1",
        ["History/LockAsync"] = $"Lock-CodeEnv {PrivateEnv} -Reason 'eve was here'",
        ["History/UnlockAsync"] = $"Unlock-CodeEnv {PrivateEnv}",
        ["Transfer/ExportAsync"] = $"Export-CodeEnv {PrivateEnv} -Path '{{0}}/export.json'",
        ["Transfer/SbomAsync"] = $"Export-CodeEnvSbom {PrivateEnv} -Path '{{0}}/sbom.cdx.json'",
        ["Transfer/CopyAsync"] = $"Copy-CodeEnv {PrivateEnv} -NewName eve-copy",
        ["Transfer/ImportAsync"] = "Import-CodeEnv -Path '{export}' -NewName eve-import",
        ["Transfer/ContainerContextAsync"] = $"Export-CodeEnvContainerFile {PrivateEnv} -ConfigName slim -Path '{{0}}/context'",
        ["Containers/ConfigsAsync"] = "Get-CodeEnvContainerConfig",
        ["Containers/AddAsync"] = "New-CodeEnvContainerConfig -ConfigName eve -BaseImage debian -PythonPath /usr/bin/python3",
        ["Containers/RemoveAsync"] = "Remove-CodeEnvContainerConfig -ConfigName slim -Confirm:$false",
        ["Containers/BuildImagesAsync"] = $"Update-CodeEnvImage {PrivateEnv}",
        ["Containers/ImagesAsync"] = $"Get-CodeEnvImage {PrivateEnv}",
        ["Store/ItemsAsync"] = "Get-CodeEnvStore",
        ["Store/RemoveAsync"] = "Remove-CodeEnvStoreItem -Sha256 ('0' * 64) -Confirm:$false",
        ["Advisories/BeginImportAsync"] = "Import-CodeEnvAdvisoryDatabase -Path '{wheel}'",
        ["Advisories/ImportChunkAsync"] = "Import-CodeEnvAdvisoryDatabase -Path '{wheel}'",
        ["Advisories/EndImportAsync"] = "Import-CodeEnvAdvisoryDatabase -Path '{wheel}'",
        ["Advisories/AuditAsync"] = $"Get-CodeEnvVulnerability {PrivateEnv}",
        ["Advisories/RaiseAsync"] = $"Repair-CodeEnvVulnerability -Name {PrivateEnv} -PackageName alpha -FirstFixedVersion 2.0 -AdvisoryId GHSA-eve -Confirm:$false",
        ["Usages/AddConsumerAsync"] = $"Add-CodeEnvConsumer {PrivateEnv} -Kind Cron -Id eve -Package alpha",
        ["Usages/RemoveConsumerAsync"] = $"Remove-CodeEnvConsumer {PrivateEnv} -Kind Cron -Id eve -Confirm:$false",
        ["Usages/ConsumersAsync"] = $"Get-CodeEnvUsage {PrivateEnv} -Declared",
        ["Usages/UnusedAsync"] = "Get-CodeEnvUnused -Days 0",
        ["Usages/UsagesAsync"] = $"Get-CodeEnvUsage {PrivateEnv} -Recorded",
    };

    /// <summary>What every local user may ask; every other operation needs a right.</summary>
    private static readonly string[] OpenToEveryone =
    {
        "Root/SettingsAsync", "Environments/NamesAsync", "Environments/GetAsync", "Environments/GetManyAsync", "Environments/IncludedInAsync", "Packages/SetsAsync", "History/GetRootAsync", "Containers/ConfigsAsync",
        // Each env it names is checked by the engine (Use, as every read of what an env holds), so a listing can skip those the caller may not use.
        "Advisories/AuditAsync",
        // Lists only the envs the caller may use (the engine checks Use per env): the report names who used them.
        "Usages/UnusedAsync",
    };

    /// <summary>Operations a cmdlet sends only after another one succeeded: an upload's chunks and end follow its begin, which needs an administrator.</summary>
    private static readonly string[] ReachedOnlyAfterBeginPublish =
    {
        "Packages/PublishChunkAsync", "Packages/EndPublishAsync", "Advisories/ImportChunkAsync", "Advisories/EndImportAsync", "Lifecycle/ResourceChunkAsync", "Lifecycle/EndResourceAsync",
        // Invoke-CodeEnvPython asks for the env's variables only once UsableAsync said the caller may use it (both need Use).
        "Lifecycle/RunVariablesAsync",
    };

    [AsRootFact]
    public void Every_operation_refuses_a_caller_without_rights_before_it_touches_anything()
    {
        Assert.Equal(ContractOperations().OrderBy(o => o), CallOf.Keys.OrderBy(o => o));
        var scratch = Path.Combine(served.Shared, "eve-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(scratch);
        ChildProcess.Run("chown", Eve, scratch);
        var script = string.Join("; ", CallOf.Select(c =>
            $"try {{ {Expand(c.Value, scratch)} -ErrorAction Stop | Out-Null; '{c.Key}|answered' }} catch {{ '{c.Key}|' + $_.FullyQualifiedErrorId.Split(',')[0] }}"));
        var logBefore = served.ServiceLog.Length;
        var before = RootFingerprint();

        var result = served.Run(Eve, script);

        var outcome = result.Lines().Where(l => l.Contains('|')).ToDictionary(l => l.Split('|')[0], l => l.Split('|')[1]);
        // The last operation the script calls that the dispatch refuses: once its refusal is logged, all the others are.
        var lastRefused = CallOf.Keys.Last(o => !ReachedOnlyAfterBeginPublish.Contains(o) && !OpenToEveryone.Contains(o));
        var log = served.WaitForLog(logBefore, $"refused {lastRefused} for '{Eve}'");
        foreach (var operation in CallOf.Keys)
        {
            if (ReachedOnlyAfterBeginPublish.Contains(operation))
            {
                Assert.DoesNotContain($"{operation} for '{Eve}'", log);
            }
            else if (OpenToEveryone.Contains(operation))
            {
                Assert.DoesNotContain($"refused {operation} ", log);
            }
            else
            {
                Assert.True(log.Contains($"refused {operation} for '{Eve}'"), $"{operation} was not refused by the service's dispatch ({outcome.GetValueOrDefault(operation)}); its log:\n{log}\n{result.Output}\n{result.Error}");
            }
        }

        Assert.Equal(before, RootFingerprint());
        Assert.False(File.Exists(users.Marker), "The service ran a program of the caller's.");
        Assert.Empty(Directory.GetFileSystemEntries(scratch));
    }

    [AsRootFact]
    public void A_refusal_names_the_caller_the_env_and_the_right_it_needs()
    {
        var result = served.Run(Eve, $"try {{ Get-CodeEnvLog {PrivateEnv} -ErrorAction Stop }} catch {{ $_.FullyQualifiedErrorId; [string]$_.CategoryInfo.Category; $_.Exception.Message }}");

        var lines = result.Lines();
        Assert.StartsWith("CodeEnvPermissionDenied,", lines[0]);
        Assert.Equal("PermissionDenied", lines[1]);
        Assert.Contains($"'{Eve}' may not read the logs of the env '{PrivateEnv}': that needs the Use right", lines[2]);
    }

    [AsRootFact]
    public void A_creator_without_Use_can_neither_copy_nor_export_nor_read_what_is_installed_in_a_private_env()
    {
        var export = Path.Combine(served.Shared, "carol-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        var calls = new[]
        {
            $"Copy-CodeEnv {PrivateEnv} -NewName carol-copy",
            $"Export-CodeEnv {PrivateEnv} -Path '{export}'",
            $"Get-CodeEnvInstalledPackage {PrivateEnv}",
            $"Get-CodeEnvLog {PrivateEnv}",
            $"Get-CodeEnvHistory {PrivateEnv}",
            $"Get-CodeEnvPackage {PrivateEnv}",
        };

        var result = served.Run(Carol, string.Join("; ", calls.Select(c => $"try {{ {c} -ErrorAction Stop | Out-Null; 'answered' }} catch {{ $_.FullyQualifiedErrorId.Split(',')[0] }}")));

        Assert.Equal(Enumerable.Repeat("CodeEnvPermissionDenied", calls.Length), result.Lines());
        Assert.False(File.Exists(export));
    }

    [AsRootFact]
    public void A_user_without_Use_sees_an_env_only_by_its_name_owner_python_and_state()
    {
        var result = served.Run(Eve, $"$e = Get-CodeEnv {PrivateEnv}; $e.Owner; $e.PythonVersion; $e.State; 'packages=' + ($e.RequestedPackages -join ','); 'description=' + $e.Description; 'groups=' + @($e.GroupPermissions).Count");
        var owner = served.Run(Alice, $"$e = Get-CodeEnv {PrivateEnv}; 'packages=' + ($e.RequestedPackages -join ','); 'description=' + $e.Description");

        Assert.Equal(new[] { Alice, users.DebianPythonVersion, "Outdated", "packages=", "description=", "groups=0" }, result.AssertSucceeded().Lines());
        Assert.Equal(new[] { "packages=alpha==1.0", "description=private plans" }, owner.AssertSucceeded().Lines());
    }

    [AsRootFact]
    public void A_venv_to_adopt_is_read_by_the_callers_session_and_nothing_of_it_runs_in_the_service()
    {
        var result = served.Run(Alice, $"$e = New-CodeEnv adopted-{Guid.NewGuid().ToString("N")[..6]} -FromVenv '{users.EvilVenv}' -NoInstall; $e.PythonVersion; $e.Interpreter; $e.RequestedPackages -join ','");

        var lines = result.AssertSucceeded().Lines();
        Assert.Equal(users.DebianPythonVersion, lines[0]);
        Assert.Equal(users.DebianPython, lines[1]);
        Assert.Equal("alpha==1.0", lines[2]);
        Assert.False(File.Exists(users.Marker), "The venv's python or .pth file ran.");
    }

    [AsRootFact]
    public void A_venvs_python_named_as_interpreter_is_taken_as_the_base_it_links_to_and_never_run_with_the_venvs_files()
    {
        var result = served.Run(Alice, $"$e = New-CodeEnv via-venv-{Guid.NewGuid().ToString("N")[..6]} -Interpreter '{users.EvilVenv}/bin/python3' -NoInstall; $e.Interpreter");

        Assert.Equal(users.DebianPython, result.AssertSucceeded().Lines().Single());
        Assert.False(File.Exists(users.Marker), "The venv's pyvenv.cfg or .pth file took effect in the service.");
    }

    [AsRootFact]
    public void An_interpreter_the_service_does_not_know_is_refused_without_being_run()
    {
        var result = served.Run(Alice, $"try {{ New-CodeEnv fake-{Guid.NewGuid().ToString("N")[..6]} -Interpreter '{users.EvilVenv}/bin/python' -NoInstall -ErrorAction Stop }} catch {{ $_.FullyQualifiedErrorId }}");

        Assert.StartsWith("InterpreterNotKnownToService,", result.Lines().Single());
        Assert.False(File.Exists(users.Marker), "The service ran a program a caller named.");
    }

    [AsRootFact]
    public void Register_is_refused_on_a_served_root_and_says_to_adopt_the_venv_instead()
    {
        var result = served.Run(Alice, $"try {{ Register-CodeEnv registered -Path '{users.EvilVenv}' -ErrorAction Stop }} catch {{ $_.FullyQualifiedErrorId; $_.Exception.Message }}; try {{ Get-CodeEnv registered -ErrorAction Stop }} catch {{ $_.FullyQualifiedErrorId }}");

        var lines = result.Lines();
        Assert.StartsWith("RegisterNotServed,", lines[0]);
        Assert.Contains("New-CodeEnv -Name registered -FromVenv", lines[1]);
        Assert.StartsWith("CodeEnvNotFound,", lines[2]);
        Assert.False(File.Exists(users.Marker), "The service ran the venv's python.");
    }

    [AsRootFact]
    public void A_venv_registered_before_served_roots_refused_it_is_run_only_in_a_sandbox_that_can_write_nothing()
    {
        var name = "legacy-" + Guid.NewGuid().ToString("N")[..6];
        RegisterAsAnEarlierReleaseDid(name);

        var result = served.Run("root", $"(Test-CodeEnv {name}).Name");

        Assert.Equal(name, result.AssertSucceeded().Lines().Single());
        Assert.False(File.Exists(users.Marker), "The registered venv's python ran outside the sandbox.");
    }

    // Register-CodeEnv on the root while it was direct, as a served root's administrator could before this release.
    private void RegisterAsAnEarlierReleaseDid(string name) =>
        served.WhileDirect(() =>
        {
            ShellProcess.Run(new[] { "-Command", $"Register-CodeEnv {name} -Path '{users.EvilVenv}' -Root '{served.Root}'" }).AssertSucceeded();
            // Registering ran the venv's python in this process, as root: that is not what is tested.
            File.Delete(users.Marker);
        });

    private string Expand(string call, string scratch) =>
        string.Format(call.Replace("{evil}", users.EvilVenv).Replace("{wheel}", Path.Combine(served.Links, "alpha-1.0-py2.py3-none-any.whl")).Replace("{export}", users.ExportFile), scratch);

    // Names, sizes, modes and contents of everything under the root but the service's own work folder and socket.
    private string RootFingerprint()
    {
        var lines = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(served.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(served.Root, entry);
            if (relative.StartsWith("state/service", StringComparison.Ordinal) || relative == "state/codeenv.sock")
            {
                continue;
            }

            var info = new FileInfo(entry);
            var content = info.Attributes.HasFlag(FileAttributes.Directory) || info.LinkTarget != null ? info.LinkTarget ?? "" : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry)));
            lines.Add($"{relative} {info.UnixFileMode} {content}");
        }

        return string.Join("\n", lines);
    }

    // The operations of the service's contract, read from the module's own engine assembly.
    private static IEnumerable<string> ContractOperations()
    {
        var dependencies = Path.Combine(RepoPaths.ModuleFolder, "dependencies");
        var context = new AssemblyLoadContext("contract", isCollectible: true);
        context.Resolving += (c, name) => File.Exists(Path.Combine(dependencies, name.Name + ".dll")) ? c.LoadFromAssemblyPath(Path.Combine(dependencies, name.Name + ".dll")) : null;
        try
        {
            var core = context.LoadFromAssemblyPath(Path.Combine(dependencies, "CodeEnv.Core.dll"));
            var operations = (System.Collections.IDictionary)core.GetType("CodeEnv.Operations.EngineContract", throwOnError: true)!.GetField("Operations")!.GetValue(null)!;
            return operations.Keys.Cast<string>().ToList();
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// alice may create envs and owns a private env; carol may create envs but has no right on alice's; eve has no right at all. A venv every user could have made lies
    /// in the shared folder: its bin/python is a script that leaves a marker, its bin/python3 links to Debian's python,
    /// and its pyvenv.cfg and .pth file would leave the marker too if any python honoured them.
    /// </summary>
    public sealed class Users : ServedRootFixture
    {
        public Users()
            : base((Alice, Creators), (Carol, Creators), (Eve, "codeenv-outsiders"))
        {
        }

        public string Marker { get; } = Path.Combine("/var/tmp", "codeenv-ran-" + Guid.NewGuid().ToString("N"));

        public string EvilVenv { get; private set; } = "";

        public string ExportFile { get; private set; } = "";

        public string DebianPython { get; private set; } = "";

        public string DebianPythonVersion { get; private set; } = "";

        protected override void Arrange(ServedRootHost root)
        {
            var probe = ChildProcess.Run(ServedRootHost.Python, "-c", "import os, platform, sys; print(os.path.realpath(sys.executable)); print(platform.python_version())").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            DebianPython = probe[0].Trim();
            DebianPythonVersion = probe[1].Trim();
            EvilVenv = WriteEvilVenv(Path.Combine(root.Shared, "evil-venv"));
            root.Run(Alice, $"New-CodeEnv {PrivateEnv} -Interpreter {ServedRootHost.Python} -Requirement 'alpha==1.0' -Description 'private plans' -NoInstall | Set-CodeEnv -UsableByAll:$false").AssertSucceeded();
            ShellProcess.Run(new[] { "-Command", $"New-CodeEnvContainerConfig -Root '{root.Root}' -ConfigName slim -BaseImage python:3.11-slim -PythonPath /usr/local/bin/python3" }).AssertSucceeded();
            ExportFile = Path.Combine(root.Shared, "alice-export.json");
            root.Run(Alice, $"Export-CodeEnv {PrivateEnv} -Path '{ExportFile}'").AssertSucceeded();
        }

        private string WriteEvilVenv(string folder)
        {
            var shortVersion = string.Join('.', DebianPythonVersion.Split('.').Take(2));
            var site = Path.Combine(folder, "lib", "python" + shortVersion, "site-packages");
            Directory.CreateDirectory(Path.Combine(folder, "bin"));
            Directory.CreateDirectory(site);
            File.WriteAllText(Path.Combine(folder, "pyvenv.cfg"), $"home = {folder}/bin\ninclude-system-site-packages = false\nversion = {DebianPythonVersion}\nexecutable = {folder}/bin/python\n");
            File.WriteAllText(Path.Combine(folder, "bin", "python"), $"#!/bin/sh\ntouch {Marker}\nexec {DebianPython} \"$@\"\n");
            File.CreateSymbolicLink(Path.Combine(folder, "bin", "python3"), DebianPython);
            File.WriteAllText(Path.Combine(site, "evil.pth"), $"import os; open('{Marker}', 'w').close()\n");
            var distInfo = Path.Combine(site, "alpha-1.0.dist-info");
            Directory.CreateDirectory(distInfo);
            File.WriteAllText(Path.Combine(distInfo, "METADATA"), "Metadata-Version: 2.1\nName: alpha\nVersion: 1.0\n");
            File.WriteAllText(Path.Combine(distInfo, "INSTALLER"), "pip\n");
            File.WriteAllText(Path.Combine(distInfo, "RECORD"), "");
            Assert.Equal(0, ChildProcess.Run("chmod", "-R", "a+rX", folder).ExitCode);
            Assert.Equal(0, ChildProcess.Run("chmod", "a+rx", Path.Combine(folder, "bin", "python")).ExitCode);
            return folder;
        }
    }
}
