using System.Diagnostics;
using System.Management.Automation;
using System.Security.Cryptography;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Hostile identifiers, requirement lines and paths, table-driven through the hosted engine. Each must end in a clear
/// error and leave the root exactly as it was (every file's content; lock files aside, which are the OS's).
/// </summary>
public class HostileInputTests : IClassFixture<HostileInputTests.SharedRoot>
{
    public static readonly string[] Identifiers =
    {
        "a/b", "a\\b", "..", "../outside", ".", "./x", "/etc", "a\0b", "a\tb", "a\nb", "a\u001bb", "\u0430dmin", "ｓales", "sa\u200Bles",
        "CON", "nul", "Com1", "LPT9", "aux", new string('a', 10_000), new string('a', 65), " ", "-rf", "a b", "a;b", "$(whoami)", "a*", "café", "",
    };

    public static readonly string[] RequirementLines =
    {
        "-i https://evil.example/simple", "--index-url https://evil.example/simple", "--index-url=https://evil.example/simple",
        "--extra-index-url https://evil.example/simple", "-f /tmp/wheels", "--find-links=/tmp/wheels", "--trusted-host evil.example", "--no-index",
        "-r other.txt", "--requirement other.txt", "-c constraints.txt", "--constraint constraints.txt", "-e .", "--editable git+https://evil.example/x.git#egg=x",
        "pkg==${VERSION}", "${PKG}", "--global-option=--verbose", "--install-option=--prefix=/", "pkg --global-option=--x", "--config-settings key=value",
        "-C key=value", "--build-option x", "pk\0g", "pkg\u0007", "pkg==1.0\uFFFD", new string('a', 1_000_000), "pkg @ not a url", "pkg[x;y]", "pkg>=1.0.*", "pkg>=",
        // A harmless option first, a reserved one after it: pip obeys every option of a line.
        "--pre --find-links /evil", "--prefer-binary --index-url https://evil.example/simple", "--only-binary=:all: -e /evil/src",
        "--require-hashes --config-settings key=value", "--pre -r /etc/shadow",
    };

    /// <summary>Lines that hide a reserved option the way pip still reads it, with the option pip reads.</summary>
    public static readonly (string Line, string Option)[] SmuggledOptions =
    {
        ("--pre --find-links /evil", "--find-links"),
        ("--pre --find /evil", "--find-links"),
        ("--pre --extra=https://evil.example/simple", "--extra-index-url"),
        ("--pre -f/evil", "-f"),
        ("--pre -rf /etc/shadow", "-r"),
        ("--pre \"--find-links\" /evil", "--find-links"),
        ("--pre '--index-url=https://evil.example/simple'", "--index-url"),
        ("--pre\t--trusted-host evil.example", "--trusted-host"),
        ("--only-binary :all: --no-i", "--no-index"),
        ("--prefer-binary --use-feature=truststore", "--use-feature"),
        ("alpha==1.0 --hash=sha256:00ff -r /etc/shadow", "-r"),
        ("alpha==1.0 --pre", "--pre"),
    };

    public static IEnumerable<object[]> SmuggledOptionCases() => SmuggledOptions.Select((c, i) => new object[] { i, c.Line });

    public static IEnumerable<object[]> IdentifierCases() => Identifiers.Select((id, i) => new object[] { i, id.Length > 40 ? id.Substring(0, 40) + "..." : id });

    public static IEnumerable<object[]> RequirementCases() => RequirementLines.Select((line, i) => new object[] { i, line.Length > 40 ? line.Substring(0, 40) + "..." : line });

    private readonly SharedRoot shared;

    public HostileInputTests(SharedRoot shared) => this.shared = shared;

    [Theory]
    [MemberData(nameof(IdentifierCases))]
    public void A_hostile_identifier_is_refused_and_changes_nothing(int index, string shown)
    {
        _ = shown;
        var name = Identifiers[index];
        lock (shared)
        {
            var before = shared.Snapshot();
            // Set-, Remove- and Update-CodeEnv read a name with * ? [ ] as a wildcard pattern over the existing envs
            // (tests/pester/Names.Tests.ps1); New-CodeEnv, which makes the name, refuses it.
            var scripts = System.Management.Automation.WildcardPattern.ContainsWildcardCharacters(name)
                ? new[] { "New-CodeEnv -Name $args[0] -PythonVersion 3.12 -NoInstall" }
                : new[] { "New-CodeEnv -Name $args[0] -PythonVersion 3.12 -NoInstall", "Set-CodeEnv -Name $args[0] -Description x", "Remove-CodeEnv -Name $args[0] -Confirm:$false", "Update-CodeEnv -Name $args[0]" };
            foreach (var script in scripts)
            {
                var error = shared.Session.Run(script, name).AllErrors.Single();
                Assert.Contains(error.CategoryInfo.Category, new[] { ErrorCategory.InvalidArgument });
                Assert.Equal("CodeEnvNameInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
            }

            Assert.Equal(before, shared.Snapshot());
        }
    }

    [Theory]
    [MemberData(nameof(SmuggledOptionCases))]
    public void Every_option_of_a_line_is_checked_and_the_refusal_names_the_one_pip_would_obey(int index, string shown)
    {
        _ = shown;
        var (line, option) = SmuggledOptions[index];
        lock (shared)
        {
            var before = shared.Snapshot();
            var error = shared.Session.Run("Add-CodeEnvPackage -Name owned -Requirement $args[0]", line).AssertError("RequirementInvalid", ErrorCategory.InvalidArgument);
            Assert.Contains($"'{option}'", error.Exception.Message);
            Assert.Equal(before, shared.Snapshot());
        }
    }

    [Theory]
    [MemberData(nameof(RequirementCases))]
    public void A_hostile_requirement_line_from_a_user_who_is_not_an_administrator_is_refused_and_changes_nothing(int index, string shown)
    {
        _ = shown;
        var line = RequirementLines[index];
        lock (shared)
        {
            var before = shared.Snapshot();
            foreach (var script in new[] { "Set-CodeEnvPackage -Name owned -Requirement $args[0]", "Add-CodeEnvPackage -Name owned -Requirement $args[0]" })
            {
                var error = shared.Session.Run(script, line).AssertError("RequirementInvalid", ErrorCategory.InvalidArgument);
                Assert.Contains("line 1", error.Exception.Message);
            }

            var file = shared.Session.Scratch("hostile-requirements.txt");
            File.WriteAllText(file, line.Replace("\uFFFD", "") + "\n");
            if (line.Contains('\uFFFD'))
            {
                File.WriteAllBytes(file, new byte[] { (byte)'p', (byte)'k', (byte)'g', 0xff, 0xfe, (byte)'\n' });
            }

            shared.Session.Run("Set-CodeEnvPackage -Name owned -Path $args[0]", file).AssertError("RequirementInvalid", ErrorCategory.InvalidArgument);
            Assert.Equal(before, shared.Snapshot());
        }
    }

    [Fact]
    public void A_requirements_file_that_is_a_fifo_or_a_folder_is_refused()
    {
        lock (shared)
        {
            var before = shared.Snapshot();
            var fifo = shared.Session.Scratch("fifo.txt");
            Process.Start("mkfifo", new[] { fifo })!.WaitForExit();
            shared.Session.Run("Set-CodeEnvPackage -Name owned -Path $args[0]", fifo).AssertError("RequirementsFileInvalid", ErrorCategory.InvalidArgument);
            shared.Session.Run("Set-CodeEnvPackage -Name owned -Path $args[0]", shared.Session.Scratch("")).AssertError("RequirementsFileInvalid", ErrorCategory.InvalidArgument);
            Assert.Equal(before, shared.Snapshot());
        }
    }

    [Fact]
    public void An_env_folder_replaced_by_a_symlink_out_of_the_root_is_refused_and_its_target_untouched()
    {
        lock (shared)
        {
            var outside = shared.Session.Scratch("outside");
            Directory.CreateDirectory(outside);
            File.WriteAllText(Path.Combine(outside, "env.json"), File.ReadAllText(Path.Combine(shared.Session.RootPath, "envs", "owned", "env.json")).Replace("\"owned\"", "\"linked\""));
            File.WriteAllText(Path.Combine(outside, "precious.txt"), "keep me");
            var link = Path.Combine(shared.Session.RootPath, "envs", "linked");
            Directory.CreateSymbolicLink(link, outside);
            try
            {
                var before = shared.Snapshot();
                foreach (var script in new[] { "Get-CodeEnv linked", "Set-CodeEnv linked -Description x", "Update-CodeEnv linked", "Remove-CodeEnv linked -Force -Confirm:$false", "Add-CodeEnvPackage linked alpha" })
                {
                    var error = shared.Session.Run(script).AllErrors.Single();
                    Assert.Equal("EnvironmentFolderIsLink", error.FullyQualifiedErrorId.Split(',')[0]);
                }

                Assert.Equal(before, shared.Snapshot());
                Assert.Equal("keep me", File.ReadAllText(Path.Combine(outside, "precious.txt")));
            }
            finally
            {
                File.Delete(link);
            }
        }
    }

    [Fact]
    public void A_root_reached_through_a_symlink_works_and_writes_only_inside_its_target()
    {
        // Admins commonly link /srv/codeenv to a volume: that is not hostile, and works as the folder itself.
        using var ps = new PowerShellSession();
        var link = ps.Scratch("root-link");
        Directory.CreateSymbolicLink(link, ps.RootPath);
        ps.Run("New-CodeEnv -Name vialink -PythonVersion 3.12 -NoInstall -Root $args[0]", link).Single("CodeEnv.EnvironmentInfo");
        Assert.True(File.Exists(Path.Combine(ps.RootPath, "envs", "vialink", "env.json")));
        Assert.Equal("vialink", ps.Run("Get-CodeEnv -Root $args[0]", link).Single("CodeEnv.EnvironmentInfo").Get<string>("Name"));
        ps.Run("Remove-CodeEnv vialink -Root $args[0] -Confirm:$false", link).AssertSuccess();
        Assert.Empty(Directory.GetDirectories(Path.Combine(ps.RootPath, "envs")));
    }

    /// <summary>A root whose caller owns the env 'owned' but is not an administrator.</summary>
    public sealed class SharedRoot : IDisposable
    {
        public SharedRoot()
        {
            // A seed cache of its own: the snapshots read every file of the root, and the run's shared seeds are other
            // tests' to build in meanwhile (a seed being built, its lock held). The root builds no venv.
            Session = new PowerShellSession(sharedSeeds: false);
            Session.Run("New-CodeEnv -Name owned -PythonVersion 3.12 -NoInstall; Set-CodeEnvPackage owned 'alpha'").AssertSuccess();
            Session.EditRootSettings(s => s["administrators"] = new Newtonsoft.Json.Linq.JArray("someone-else"));
        }

        public PowerShellSession Session { get; }

        /// <summary>Every file of the root with a hash of its content; lock files are the OS's, not data.</summary>
        public string Snapshot() =>
            string.Join("\n", Directory.EnumerateFiles(Session.RootPath, "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/state/locks/"))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => f + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));

        public void Dispose() => Session.Dispose();
    }
}
