using System.Text.RegularExpressions;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Direct and served roots keep one contract: the same script of every cmdlet, run on a direct root and on a served
/// root set up alike, gives the same objects, writes the same files (byte for byte) and fails with the same error ids
/// and categories. The table is checked against the module's own command list, so a cmdlet without a row fails it.
/// </summary>
[Collection(ServedRootCollection.Name)]
public class ContractParityTests : IClassFixture<ContractParityTests.Roots>
{
    /// <summary>What each cmdlet does on either root, in this order; $s is a folder of the caller's for the files it writes, $osv the address of OSV's API on loopback.</summary>
    private static readonly (string Cmdlet, string Script)[] Rows =
    {
        ("Get-CodeEnvRoot", "Get-CodeEnvRoot"),
        ("Set-CodeEnvRoot", "Set-CodeEnvRoot -KeptVenvs 3 -LinkMode Link -PassThru; Set-CodeEnvRoot -LockTimeoutSeconds -5; Set-CodeEnvRoot -IndexStrategy FirstIndex -IndexRule @{ Pattern = 'acme-*'; Index = 'https://pypi.org/simple' } -DeniedPackage 'evil-* # typosquats', @{ Package = 'requests==2.0'; Reason = 'CVE-2023-32681' } -PassThru; Set-CodeEnvRoot -IndexRule @{ Pattern = 'acme-*'; Index = 'https://elsewhere.example/simple' }; Set-CodeEnvRoot -DeniedPackage 'not a name'; Add-CodeEnvPackage second -Requirement 'evil-pkg'; Set-CodeEnvRoot -IndexRule @() -DeniedPackage @() -PassThru | ForEach-Object { $_.IndexRules.Count + $_.DeniedPackages.Count }; Set-CodeEnvRoot -KeptVenvs 3 -LinkMode Link -AllowedLicense MIT, 'BSD License' -PassThru; Set-CodeEnvRoot -LockTimeoutSeconds -5; Set-CodeEnvRoot -AllowedLicense 'MIT OR GPL-3.0-only'; (Set-CodeEnvRoot -AllowedLicense @() -PassThru).AllowedLicenses.Count"),
        ("Get-CodeEnvPython", $"Get-CodeEnvPython | Where-Object Path -eq '{ServedRootHost.Python}'"),
        ("New-CodeEnv", $"New-CodeEnv second -Interpreter {ServedRootHost.Python} -NoInstall -Description two; New-CodeEnv second -Interpreter {ServedRootHost.Python} -NoInstall; New-CodeEnv adopted -FromVenv \"$s/../handmade\" -NoInstall"),
        ("Get-CodeEnv", "Get-CodeEnv parity; Get-CodeEnv -Name nosuch; Get-CodeEnv sec*, adopted"),
        ("Set-CodeEnv", "Set-CodeEnv second -Description changed -PassThru; Set-CodeEnv nosuch -Description x"),
        ("Add-CodeEnvPackage", "Add-CodeEnvPackage second -Requirement beta -PassThru; Add-CodeEnvPackage second -Requirement 'not a requirement!'"),
        ("Set-CodeEnvPackage", "Set-CodeEnvPackage second -Requirement alpha, beta -PassThru"),
        ("Remove-CodeEnvPackage", "Remove-CodeEnvPackage second -PackageName beta -PassThru"),
        ("Get-CodeEnvPackage", "Get-CodeEnvPackage parity, second"),
        ("Add-CodeEnvPackageSet", "Add-CodeEnvPackageSet adopted -SetName 'Visual Machine Learning' -PassThru; Add-CodeEnvPackageSet adopted -SetName nosuch"),
        ("Get-CodeEnvPackageSet", "Get-CodeEnvPackageSet"),
        ("Update-CodeEnv", "Update-CodeEnv second; Get-CodeEnv second"),
        ("Test-CodeEnv", "Test-CodeEnv parity, second; Test-CodeEnv parity -VerifyFiles"),
        ("Get-CodeEnvInstalledPackage", "Get-CodeEnvInstalledPackage parity"),
        ("Invoke-CodeEnvPython", "Invoke-CodeEnvPython parity -ArgumentList '-c', 'import alpha, sys; print(alpha.__name__, sys.prefix)'; Invoke-CodeEnvPython adopted -ArgumentList '-c', 'print(1)'"),
        // What an env needs at run time: a resource, variables with a secret, an init script and a smoke test that run in the
        // rebuilt venv (in the service's sandbox on the served root), and python started with them (the secret from the service).
        ("Publish-CodeEnvResource", "Publish-CodeEnvResource parity -Path \"$s/../init.py\" -Destination setup; Publish-CodeEnvResource nosuch -Path \"$s/../init.py\"; Set-CodeEnv parity -EnvironmentVariable @{ PARITY_MODE = 'on' } -SecretVariable @{ PARITY_TOKEN = 'parity-secret' } -InitScript setup/init.py -SmokeTest 'import alpha, os; assert os.environ[\"PARITY_TOKEN\"]' -PassThru | ForEach-Object { \"$($_.EnvironmentVariables.Keys) $($_.SecretVariables) $($_.InitScript)\" }; Set-CodeEnv parity -EnvironmentVariable @{ PATH = '/tmp' }; Update-CodeEnv parity -Rebuild; Get-CodeEnv parity | ForEach-Object State; Invoke-CodeEnvPython parity -ArgumentList '-c', 'import os; print(os.environ[\"PARITY_MODE\"], os.environ[\"PARITY_TOKEN\"], open(os.path.join(os.environ[\"CODEENV_RESOURCES\"], \"made-by-init.txt\")).read())'; Set-CodeEnv parity -InitScript '' -SmokeTest '' -PassThru | ForEach-Object { $_.InitScript + $_.SmokeTest }"),
        ("Compare-CodeEnv", "Compare-CodeEnv parity second; Compare-CodeEnv parity -LastUpdate; Compare-CodeEnv second -ReferenceRevision 1 -DifferenceRevision 3"),
        ("Get-CodeEnvPermission", "Get-CodeEnvPermission parity"),
        ("Grant-CodeEnvPermission", "Grant-CodeEnvPermission parity -Group codeenv-analysts -Permission UpdatePackages -PassThru"),
        ("Revoke-CodeEnvPermission", "Revoke-CodeEnvPermission parity -Group codeenv-analysts -Permission UpdatePackages -PassThru"),
        // The root's first revision differs on purpose: a served root's records its service.
        ("Get-CodeEnvHistory", "Get-CodeEnvHistory second; Get-CodeEnvHistory | Where-Object Operation -ne Initialize-CodeEnvRoot"),
        ("Restore-CodeEnv", "Restore-CodeEnv second -Revision 2 -DefinitionOnly; Restore-CodeEnv second -Revision 99 -DefinitionOnly"),
        ("Get-CodeEnvLog", "Get-CodeEnvLog parity | ForEach-Object Operation"),
        ("Export-CodeEnv", "Export-CodeEnv parity -Path \"$s/parity.json\"; Export-CodeEnv nosuch -Path \"$s/nosuch.json\""),
        ("Export-CodeEnvSbom", "Export-CodeEnvSbom parity -Path \"$s/parity-1.6.cdx.json\"; Get-CodeEnv parity, second | Export-CodeEnvSbom -Path \"$s\" -SpecVersion 1.5; Export-CodeEnvSbom nosuch; Export-CodeEnvSbom p* | ConvertFrom-Json | ForEach-Object { $_.components.purl }"),
        ("Import-CodeEnv", "Import-CodeEnv -Path \"$s/parity.json\" -NewName imported -Locked; Import-CodeEnv -Path \"$s/missing.json\""),
        ("Copy-CodeEnv", "Copy-CodeEnv parity -NewName copied -Locked"),
        ("Publish-CodeEnvPackage", "Publish-CodeEnvPackage -Path \"$s/../gamma-1.0-py3-none-any.whl\"; Publish-CodeEnvPackage -Path \"$s/../not-an-archive.txt\""),
        ("Get-CodeEnvContainerConfig", "Get-CodeEnvContainerConfig"),
        ("New-CodeEnvContainerConfig", $"New-CodeEnvContainerConfig other -BaseImage debian:bookworm -PythonPath {ServedRootHost.Python}; New-CodeEnvContainerConfig other -BaseImage debian:bookworm"),
        ("Export-CodeEnvContainerFile", "Export-CodeEnvContainerFile parity -ConfigName slim -Path \"$s/context\"; Export-CodeEnvContainerFile second -ConfigName slim -Path \"$s/second\""),
        // The image builds themselves are proven on the served root by ImageTests; here, what both refuse before building.
        ("Update-CodeEnvImage", "Update-CodeEnvImage parity -Push; Update-CodeEnvImage second"),
        ("Get-CodeEnvImage", "Get-CodeEnvImage; Get-CodeEnvImage nosuch"),
        ("Remove-CodeEnvContainerConfig", "Remove-CodeEnvContainerConfig other -Confirm:$false; Remove-CodeEnvContainerConfig nosuch -Confirm:$false"),
        ("Get-CodeEnvStore", "Get-CodeEnvStore; Get-CodeEnvStore -Unused | ForEach-Object Name"),
        ("Remove-CodeEnvStoreItem", "Remove-CodeEnvStoreItem -Sha256 ('0' * 64) -Confirm:$false; Get-CodeEnvStore -Unused | Remove-CodeEnvStoreItem -WhatIf; Get-CodeEnvStore | Remove-CodeEnvStoreItem -Confirm:$false; Get-CodeEnvStore | ForEach-Object Name"),
        ("Import-CodeEnvAdvisoryDatabase", "Get-CodeEnvVulnerability parity; Import-CodeEnvAdvisoryDatabase -Path \"$s/../osv-pypi.zip\"; Import-CodeEnvAdvisoryDatabase -Path \"$s/../not-an-archive.txt\""),
        ("Get-CodeEnvVulnerability", "Get-CodeEnvVulnerability parity; Get-CodeEnvVulnerability -IncludeHistory | ForEach-Object { $_.Name + ': ' + $_.FoundIn }; Get-CodeEnvVulnerability nosuch; Set-CodeEnvRoot -AdvisoryApiUrl $osv; Get-CodeEnvVulnerability parity -Source Online | ForEach-Object { $_.AdvisoryId + ' ' + $_.Source }; Set-CodeEnvRoot -AdvisoryApiUrl ''"),
        ("Repair-CodeEnvVulnerability", "Get-CodeEnvVulnerability parity | Repair-CodeEnvVulnerability -WhatIf; Repair-CodeEnvVulnerability -Name parity -PackageName alpha -FirstFixedVersion 2.0 -AdvisoryId GHSA-parity-beta -PassThru | ForEach-Object State; Repair-CodeEnvVulnerability parity alpha '' -AdvisoryId GHSA-none"),
        // After Invoke-CodeEnvPython's row, whose starts they list; what the refusals name is the same on both roots.
        ("Add-CodeEnvConsumer", "Add-CodeEnvConsumer parity -Kind ScheduledTask -Id nightly -Owner data-team -Description 'scores every night' -Package alpha; Add-CodeEnvConsumer second -Kind Cron -Id refresh; Add-CodeEnvConsumer parity -Kind Cron -Id \"bad`nid\"; Remove-CodeEnvPackage parity -PackageName alpha; Remove-CodeEnv parity -Confirm:$false; Get-CodeEnvPackage parity | ForEach-Object Name"),
        ("Get-CodeEnvUsage", "Get-CodeEnvUsage parity; Get-CodeEnvUsage -Declared; Get-CodeEnvUsage nosuch"),
        ("Remove-CodeEnvConsumer", "Get-CodeEnvUsage second -Declared | Remove-CodeEnvConsumer; Remove-CodeEnvConsumer second -Kind Cron -Id refresh; Get-CodeEnvUsage second -Declared"),
        ("Get-CodeEnvUnused", "Set-CodeEnvRoot -UnusedAfterDays 30 -PassThru | ForEach-Object UnusedAfterDays; Get-CodeEnvUnused; Get-CodeEnvUnused -Days 0 | ForEach-Object Name | Sort-Object; Get-CodeEnvUnused -Days 0 -IncludeDeclared | Where-Object Name -eq parity"),
        // Freeze and archive (issue 28): the refusals they cause, and the archive's rebuild from the lock on the way back.
        ("Lock-CodeEnv", "Lock-CodeEnv parity -Reason audit -PassThru | ForEach-Object { $_.Frozen; $_.FrozenRevision; $_.FrozenReason }; Add-CodeEnvPackage parity -Requirement beta; Update-CodeEnv parity -Upgrade; Publish-CodeEnvResource parity -Path \"$s/../init.py\"; Lock-CodeEnv copied -Revision 99; Lock-CodeEnv nosuch"),
        ("Unlock-CodeEnv", "Unlock-CodeEnv parity -PassThru | ForEach-Object Frozen; Unlock-CodeEnv nosuch"),
        ("Disable-CodeEnv", "Disable-CodeEnv parity -PassThru | ForEach-Object { $_.Archived; $_.State }; Invoke-CodeEnvPython parity -ArgumentList '-c', 'print(1)'; Test-CodeEnv parity | ForEach-Object Status; Get-CodeEnv p* | ForEach-Object Name; Get-CodeEnv p* -IncludeArchived | ForEach-Object Name"),
        ("Enable-CodeEnv", "Enable-CodeEnv parity -PassThru | ForEach-Object { $_.Archived; $_.State }; Invoke-CodeEnvPython parity -ArgumentList '-c', 'import alpha; print(alpha.__name__)'"),
        ("Remove-CodeEnv", "Remove-CodeEnv adopted, imported -Confirm:$false; Get-CodeEnv | ForEach-Object Name"),
    };

    /// <summary>Cmdlets that are not operations of a root's contract, or differ on purpose, and why.</summary>
    private static readonly IReadOnlyDictionary<string, string> NotCompared = new Dictionary<string, string>
    {
        ["Initialize-CodeEnvRoot"] = "makes a root; a served one needs -ServiceAccount and root (ServedRootTests)",
        ["Start-CodeEnvService"] = "runs a root's service (ServiceLifecycleTests)",
        ["Register-CodeEnv"] = "a served root refuses it by design: its service would run a venv a caller made (ServiceAuthorizationTests)",
    };

    // Each output item as a line per property, errors as their id and category; what differs between any two roots
    // (the root's own path, times, a log's size) is masked.
    private const string Dump = """
        function Write-Dump {
            process {
                $o = $_
                if ($o -is [System.Management.Automation.ErrorRecord]) { 'error ' + $o.FullyQualifiedErrorId.Split(',')[0] + ' ' + $o.CategoryInfo.Category; return }
                if ($o -is [string] -or $o -is [ValueType]) { 'value ' + $o; return }
                $o.PSObject.TypeNames[0]
                foreach ($p in $o.PSObject.Properties) {
                    $v = $p.Value
                    if ($v -is [System.Collections.IDictionary]) { $v = $v.Keys }
                    if ($p.Name -notin 'LastUsed', 'DeclaredAt', 'IdleSince', 'Length', 'LastWriteTime', 'LastAccessTime', 'CreationTime', 'LastWriteTimeUtc', 'LastAccessTimeUtc', 'CreationTimeUtc' -and $p.Name -notlike 'Service*' -and $p.Name -notlike '*Size') { '  ' + $p.Name + '=' + (@($v) -join ';') }
                }
            }
        }
        $s = $args[0]
        $osv = $args[1]
        """;

    private readonly Roots roots;

    public ContractParityTests(Roots roots)
    {
        this.roots = roots;
    }

    [AsRootFact]
    public void Every_cmdlet_of_the_module_has_a_row_or_a_reason()
    {
        var commands = ShellProcess.Run(new[] { "-Command", "Get-Command -Module CodeEnv | ForEach-Object Name" }).AssertSucceeded().Lines();

        var covered = Rows.Select(r => r.Cmdlet).Concat(NotCompared.Keys).OrderBy(c => c).ToList();

        Assert.Equal(commands.OrderBy(c => c), covered);
    }

    [AsRootFact]
    public void Every_cmdlet_gives_the_same_objects_files_and_errors_on_a_direct_and_a_served_root()
    {
        var direct = roots.RunRows(roots.Direct, roots.DirectFiles);
        var served = roots.RunRows(roots.Served.Root, roots.ServedFiles);

        var differing = Rows
            .Where(r => !direct.TryGetValue(r.Cmdlet, out var expected) || !served.TryGetValue(r.Cmdlet, out var actual) || expected != actual)
            .Select(r => $"{r.Cmdlet} differs.\n--- direct root:\n{direct.GetValueOrDefault(r.Cmdlet)}\n--- served root:\n{served.GetValueOrDefault(r.Cmdlet)}")
            .ToList();
        Assert.True(differing.Count == 0, string.Join("\n\n", differing));

        var written = Tree(roots.DirectFiles, roots.Direct);
        Assert.Equal(written, Tree(roots.ServedFiles, roots.Served.Root));
        // What the comparison stands on: the rows did write their files.
        Assert.Contains(written, f => f.StartsWith("parity.json\n{", StringComparison.Ordinal));
        Assert.Contains(written, f => f.StartsWith("parity-1.6.cdx.json\n{", StringComparison.Ordinal) && f.Contains("\"specVersion\": \"1.6\""));
        Assert.Contains(written, f => f.StartsWith("second.cdx.json\n{", StringComparison.Ordinal) && f.Contains("\"specVersion\": \"1.5\""));
        Assert.Contains(written, f => f.StartsWith("context/Dockerfile\n", StringComparison.Ordinal) && f.Contains("FROM python:3.11-slim"));
        Assert.Contains(written, f => f.StartsWith("context/requirements.lock\nalpha==2.0", StringComparison.Ordinal));
        Assert.Contains("CodeEnv.EnvironmentInfo", direct["Copy-CodeEnv"]);
        Assert.Contains("parity (current)", direct["Get-CodeEnvStore"]);
        Assert.Contains("error StoredWheelInUse InvalidOperation", direct["Remove-CodeEnvStoreItem"]);
        Assert.Contains("error AdvisoryDatabaseNotFound ObjectNotFound", direct["Import-CodeEnvAdvisoryDatabase"]);
        Assert.Contains("error AdvisoryDatabaseInvalid InvalidData", direct["Import-CodeEnvAdvisoryDatabase"]);
        Assert.Contains("AdvisoryId=GHSA-parity-alph", direct["Get-CodeEnvVulnerability"]);
        Assert.Contains("value copied: current", direct["Get-CodeEnvVulnerability"]);
        Assert.Contains("value GHSA-parity-alph Online", direct["Get-CodeEnvVulnerability"]);
        Assert.Contains("value Ready", direct["Repair-CodeEnvVulnerability"]);
        Assert.Contains("error VulnerabilityHasNoFix InvalidOperation", direct["Repair-CodeEnvVulnerability"]);
        Assert.Contains("error ConsumerInvalid InvalidArgument", direct["Add-CodeEnvConsumer"]);
        Assert.Equal(2, Regex.Matches(direct["Add-CodeEnvConsumer"], "error EnvironmentHasConsumers InvalidOperation").Count);
        Assert.Contains("value alpha", direct["Add-CodeEnvConsumer"]);
        Assert.Contains("  User=codeenv-parity", direct["Get-CodeEnvUsage"]);
        Assert.Contains("error ConsumerNotFound ObjectNotFound", direct["Remove-CodeEnvConsumer"]);
        Assert.Contains("  Consumers=ScheduledTask 'nightly' of data-team", direct["Get-CodeEnvUnused"]);
        Assert.Contains("value audit", direct["Lock-CodeEnv"]);
        Assert.Equal(3, Regex.Matches(direct["Lock-CodeEnv"], "error EnvironmentFrozen InvalidOperation").Count);
        Assert.Contains("error EnvironmentArchived InvalidOperation", direct["Disable-CodeEnv"]);
        Assert.Contains("value Archived", direct["Disable-CodeEnv"]);
        Assert.Contains("value alpha", direct["Enable-CodeEnv"]);
    }

    // Every file the cmdlets wrote, with its bytes (text with the root's path and times masked, as in the dump).
    private static IReadOnlyList<string> Tree(string folder, string root) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => Path.GetRelativePath(folder, p) + (Directory.Exists(p) ? "/" : "\n" + (IsText(p) ? Roots.Masked(File.ReadAllText(p), root) : Convert.ToHexString(File.ReadAllBytes(p)))))
            .ToList();

    private static bool IsText(string path) => !path.EndsWith(".whl", StringComparison.Ordinal) && !path.EndsWith(".tar.gz", StringComparison.Ordinal);

    /// <summary>
    /// A direct root and a served root made alike, both administered by one ordinary user who runs every row, with an
    /// env "parity" built from the same find-links folder. Not root: root's direct engine would also find the pyenv
    /// interpreters under /root, which the service's account cannot run.
    /// </summary>
    public sealed class Roots : ServedRootFixture
    {
        private const string User = "codeenv-parity";

        public Roots()
            : base((User, Creators), ("codeenv-parity-reader", "codeenv-analysts"))
        {
            if (!OperatingSystem.IsLinux() || System.Environment.UserName != "root")
            {
                return;
            }

            var folder = Path.GetDirectoryName(Served.Root)!;
            // One export for both roots, so both import the same bytes; alpha 2.0, which parity installs, is affected.
            var advisory = OsvExport.Advisory("GHSA-parity-alph", "alpha", new[] { "introduced:0", "fixed:2.1" });
            var osv = OsvExport.Write(Path.Combine(folder, "osv-pypi.zip"), advisory);
            Osv = new FakeOsvApi(advisory);
            Direct = Path.Combine(folder, "direct");
            DirectFiles = Path.Combine(folder, "files-direct", "out");
            ServedFiles = Path.Combine(folder, "files-served", "out");
            foreach (var files in new[] { DirectFiles, ServedFiles })
            {
                Directory.CreateDirectory(files);
                var parent = Path.GetDirectoryName(files)!;
                Assert.Equal(0, ChildProcess.Run(ServedRootHost.Python, "-m", "venv", "--without-pip", Path.Combine(parent, "handmade")).ExitCode);
                File.Copy(Directory.GetFiles(Served.Links, "gamma-1.0-*.whl").Single(), Path.Combine(parent, "gamma-1.0-py3-none-any.whl"));
                File.WriteAllText(Path.Combine(parent, "not-an-archive.txt"), "text");
                File.WriteAllText(Path.Combine(parent, "init.py"), "import os\nwith open(os.path.join(os.environ['CODEENV_RESOURCES'], 'made-by-init.txt'), 'w') as f:\n    f.write('init ran ' + os.environ['PARITY_MODE'])\nos.chmod(os.path.join(os.environ['CODEENV_RESOURCES'], 'made-by-init.txt'), 0o644)\n");
                File.Copy(osv, Path.Combine(parent, "osv-pypi.zip"));
            }

            ShellProcess.Run(new[] { "-Command", $"Initialize-CodeEnvRoot -Path '{Direct}' -Administrator root | Out-Null; Set-CodeEnvRoot -Root '{Direct}' -NoIndex -FindLinks '{Served.Links}'; Set-CodeEnvRoot -Root '{Direct}' -CreatorGroup {Creators}" }).AssertSucceeded();
            foreach (var root in new[] { Direct, Served.Root })
            {
                ShellProcess.Run(new[] { "-Command", $"Set-CodeEnvRoot -Root '{root}' -Administrator root, {User}" }).AssertSucceeded();
            }

            ServedSeeds.CopyInto(Direct);
            Assert.Equal(0, ChildProcess.Run("chown", "-R", User, Direct, Path.GetDirectoryName(DirectFiles)!, Path.GetDirectoryName(ServedFiles)!).ExitCode);
            const string setup = $"New-CodeEnvContainerConfig slim -BaseImage python:3.11-slim -PythonPath /usr/local/bin/python3 | Out-Null; New-CodeEnv parity -Interpreter {ServedRootHost.Python} -Requirement alpha -ContainerSelection Selected -ContainerConfig slim | Out-Null";
            Run(Direct, setup, DirectFiles).AssertSucceeded();
            Run(Served.Root, setup, ServedFiles).AssertSucceeded();

            // The same wheels in both stores, as installs from the store will leave them; the envs' own installs record
            // alpha 2.0 by its sha256, so it is in use and alpha 1.0 and gamma are not.
            foreach (var (root, owner) in new[] { (Direct, User), (Served.Root, ServedRootHost.ServiceAccount) })
            {
                foreach (var wheel in Directory.GetFiles(Served.Links, "alpha-*.whl").Concat(Directory.GetFiles(Served.Links, "gamma-1.0-*.whl")))
                {
                    StoreFixture.StoreWheel(root, wheel, "cpython-311");
                }

                Assert.Equal(0, ChildProcess.Run("chown", "-R", owner, Path.Combine(root, "store")).ExitCode);
            }
        }

        public string Direct { get; } = "";

        /// <summary>OSV's API on loopback, which the caller's session and the service both reach.</summary>
        public FakeOsvApi? Osv { get; }

        public override void Dispose()
        {
            Osv?.Dispose();
            base.Dispose();
        }

        public string DirectFiles { get; } = "";

        public string ServedFiles { get; } = "";

        /// <summary>Runs every row on <paramref name="root"/> in one process; each cmdlet's dump, masked, by cmdlet.</summary>
        public IReadOnlyDictionary<string, string> RunRows(string root, string files)
        {
            var script = Dump + string.Concat(Rows.Select(r => $"\n'=== {r.Cmdlet}'\n& {{ {r.Script} }} 2>&1 | Write-Dump\n"));
            var output = Masked(Run(root, script, files, Osv?.Url ?? "").Output, root).Replace(Osv?.Url ?? "<no api>", "<osv api>");
            return output.Split("=== ", StringSplitOptions.RemoveEmptyEntries)
                .Select(section => section.Split('\n', 2))
                .Where(parts => parts.Length == 2)
                .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());
        }

        /// <summary>Text with what differs between two roots made alike masked: the root's path and its folders beside it, times, generated ids.</summary>
        public static string Masked(string text, string root)
        {
            var folder = Path.GetDirectoryName(root)!;
            text = text.Replace(root, "<root>").Replace(Path.Combine(folder, "files-direct"), "<files>").Replace(Path.Combine(folder, "files-served"), "<files>");
            text = Regex.Replace(text, @"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?", "<time>");
            text = Regex.Replace(text, @"\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}( [+-]\d{2}:\d{2})?", "<time>");
            text = Regex.Replace(text, @"\d{8}T\d{6}\.\d{3}Z", "<time>");
            text = Regex.Replace(text, @"urn:uuid:[0-9a-f-]{36}", "urn:uuid:<serial>");
            return text.Replace("\r", "");
        }

        private static ShellProcess.Result Run(string root, string script, string files, params string[] more) =>
            OsUserShell.RunAs(User, $"$env:CODEENV_ROOT = '{root}'; {script}", new[] { files }.Concat(more).ToArray());
    }
}
