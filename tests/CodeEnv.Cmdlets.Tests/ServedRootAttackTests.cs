using System.Security.Cryptography;
using System.Text.Json;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// The attacks a served root must stop at the OS level, each run for real: users writing the root's files around the
/// service, and a package whose setup.py and .pth file, run during its env's update, try to reach everything else.
/// </summary>
[Collection(ServedRootCollection.Name)]
public class ServedRootAttackTests : IClassFixture<ServedRootAttackTests.Server>
{
    private const string Alice = "codeenv-alice";
    private const string Bob = "codeenv-bob";

    private readonly ServedRootHost served;

    public ServedRootAttackTests(Server server)
    {
        served = server.Served;
    }

    [AsRootFact]
    public void An_owner_cannot_write_the_roots_files_around_the_service()
    {
        var own = served.EnvFolder("alice-env");
        var attempts = new Dictionary<string, string>
        {
            ["edit its env.json"] = $"echo '{{}}' > {own}/env.json",
            ["edit codeenv.json"] = $"echo '{{}}' > {served.Root}/codeenv.json",
            ["plant a link in its env"] = $"ln -s /etc/passwd {own}/planted",
            ["replace its stable venv link"] = $"ln -sfn /tmp {own}/venv",
            ["write into its venv"] = $"echo 'import os' > {own}/venvs/1/lib/planted.py",
            ["write into another env's venv"] = $"echo 'import os' > {served.EnvFolder("bob-env")}/venvs/1/lib/planted.py",
            ["take a lock"] = $"mkdir {served.Root}/state/locks/planted",
            ["remove the service's socket"] = $"rm -f {served.Root}/state/codeenv.sock",
            ["publish to the wheelhouse"] = $"cp {served.Links}/alpha-1.0-py2.py3-none-any.whl {served.Root}/wheelhouse/",
        };
        var before = Fingerprint();

        foreach (var (what, command) in attempts)
        {
            var result = ChildProcess.Run("runuser", "-u", Alice, "--", "sh", "-c", command);
            Assert.True(result.ExitCode != 0, $"{Alice} could {what}: {result.Output}");
        }

        AssertUnchangedSince(before);
        Assert.True(File.Exists(Path.Combine(served.Root, "state", "codeenv.sock")));
    }

    [AsRootFact]
    public void A_package_built_for_one_env_reaches_nothing_but_that_env()
    {
        var outside = $"/var/tmp/codeenv-evil-{Guid.NewGuid():N}";
        var targets = new Dictionary<string, string>
        {
            ["codeenv.json"] = Path.Combine(served.Root, "codeenv.json"),
            ["secrets"] = Path.Combine(served.Root, "state", "secrets.json"),
            ["own env.json"] = Path.Combine(served.EnvFolder("alice-env"), "env.json"),
            ["own stable venv"] = Path.Combine(served.EnvFolder("alice-env"), "venv", "planted"),
            ["other env.json"] = Path.Combine(served.EnvFolder("bob-env"), "env.json"),
            ["other venv"] = Path.Combine(served.EnvFolder("bob-env"), "venvs", "1", "planted.py"),
            ["other pip cache"] = Path.Combine(served.Root, "cache", "pip-envs", "bob-env", "planted"),
            ["seeds"] = Path.Combine(served.Root, "cache", "seeds", "planted"),
            ["outside the root"] = outside,
        };
        WriteEvilPackages(targets);
        var before = Fingerprint();

        var update = served.Run(Alice, "Add-CodeEnvPackage alice-env evil-build, evil-pth -Update; (Get-CodeEnv alice-env).State");

        update.AssertSucceeded();
        Assert.Equal("Ready", update.Lines()[^1]);
        var generation = Directory.GetDirectories(Path.Combine(served.EnvFolder("alice-env"), "venvs")).OrderBy(d => d.Length).ThenBy(d => d).Last();
        // The sdist's build ran its code, in the sandbox, which could write only the new venv: there it says what it tried.
        var lines = File.ReadAllLines(Path.Combine(generation, "evil-build-report.txt"));
        foreach (var target in targets.Keys)
        {
            Assert.Contains($"denied {target}", lines);
        }

        Assert.DoesNotContain(lines, l => l.StartsWith("WROTE", StringComparison.Ordinal) || l.StartsWith("READ", StringComparison.Ordinal));
        // The wheel's .pth runs in no process of the service: the store links wheels and starts no python with site.
        Assert.False(File.Exists(Path.Combine(generation, "evil-pth-report.txt")), "a .pth file ran during the update");

        AssertUnchangedSince(before);
        Assert.False(File.Exists(outside));
        Assert.False(File.Exists(targets["secrets"]));
    }

    [AsRootFact]
    public void A_user_can_neither_change_nor_replace_a_file_linked_from_the_store_nor_browse_the_store()
    {
        var store = Path.Combine(served.Root, "store");
        var linked = Directory.GetFiles(Path.Combine(served.EnvFolder("alice-env"), "venvs"), "__init__.py", SearchOption.AllDirectories).First(f => f.EndsWith("/site-packages/alpha/__init__.py"));
        // Her venv's file is the store's own inode; bob's wheel is in the store too.
        var stored = Directory.GetFiles(Path.Combine(store, "trees"), "__init__.py", SearchOption.AllDirectories).Single(f => f.EndsWith("/alpha/__init__.py") && SameInode(f, linked));
        var wheel = Directory.GetFiles(Path.Combine(store, "artifacts"), "beta-*.whl", SearchOption.AllDirectories).Single();
        Assert.Equal($"700 {ServedRootHost.ServiceAccount}", ChildProcess.Run("stat", "-c", "%a %U", store).Output.Trim());
        Assert.EndsWith($" {ServedRootHost.ServiceAccount}", ChildProcess.Run("stat", "-c", "%a %U", linked).Output.Trim());
        var attempts = new Dictionary<string, string>
        {
            ["write a file its venv links"] = $"echo 'import os' >> {linked}",
            ["make it writable"] = $"chmod u+w {linked}",
            ["replace it in its venv"] = $"echo 'import os' > /tmp/alpha-$$.py && mv -f /tmp/alpha-$$.py {linked}",
            ["remove it from its venv"] = $"rm -f {linked}",
            ["list the store"] = $"ls {store}",
            ["read a stored wheel"] = $"cat {wheel} > /dev/null",
            ["read a stored tree's file by its store path"] = $"cat {stored} > /dev/null",
            ["replace a stored file"] = $"rm -f {stored}",
            ["add a file to the store"] = $"touch {store}/planted",
        };
        var before = Fingerprint();

        foreach (var (what, command) in attempts)
        {
            var result = ChildProcess.Run("runuser", "-u", Alice, "--", "sh", "-c", command);
            Assert.True(result.ExitCode != 0, $"{Alice} could {what}: {result.Output}");
        }

        AssertUnchangedSince(before);
        // The linked file stays what her python imports, through her venv.
        Assert.Equal(0, ChildProcess.Run("runuser", "-u", Alice, "--", "cat", linked).ExitCode);
    }

    private static bool SameInode(string one, string other) =>
        ChildProcess.Run("stat", "-c", "%d:%i", one).Output == ChildProcess.Run("stat", "-c", "%d:%i", other).Output;

    // What an attack must leave as it was: every file of the root but what alice's own update may change; the store
    // may gain files (each named by its content), but keeps every file it had, unchanged.
    private void AssertUnchangedSince(string before)
    {
        var store = Path.Combine(served.Root, "store") + "/";
        var (was, now) = (before.Split('\n'), Fingerprint().Split('\n'));
        Assert.Equal(string.Join("\n", was.Where(l => !l.StartsWith(store, StringComparison.Ordinal))), string.Join("\n", now.Where(l => !l.StartsWith(store, StringComparison.Ordinal))));
        Assert.Empty(was.Where(l => l.StartsWith(store, StringComparison.Ordinal)).Except(now));
    }

    // Every file of the root, with its content hash, but what alice's own update may change (her env, her pip cache,
    // the locks and the service's scratch folder).
    private string Fingerprint()
    {
        var changing = new[] { served.EnvFolder("alice-env") + "/", Path.Combine(served.Root, "cache", "pip-envs", "alice-env") + "/", Path.Combine(served.Root, "state") + "/" };
        var lines = Directory.EnumerateFiles(served.Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(p => !changing.Any(p.StartsWith))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => p + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))));
        return string.Join("\n", lines);
    }

    private void WriteEvilPackages(IReadOnlyDictionary<string, string> targets)
    {
        // Tries to write each target (and to read those it should not even see), and says how each try went in a report
        // in its own venv (sys.prefix), the one folder it may write.
        var payload = "import os, sys\n"
            + $"TARGETS = {JsonSerializer.Serialize(targets)}\n"
            + "def attack(report_name):\n"
            + "    lines = []\n"
            + "    for name, path in TARGETS.items():\n"
            + "        try:\n"
            + "            with open(path, 'a') as f:\n"
            + "                f.write('planted')\n"
            + "            lines.append('WROTE ' + name)\n"
            + "        except OSError:\n"
            + "            lines.append('denied ' + name)\n"
            + "    for name in ('codeenv.json', 'secrets'):\n"
            + "        try:\n"
            + "            open(TARGETS[name]).read()\n"
            + "            lines.append('READ ' + name)\n"
            + "        except OSError:\n"
            + "            pass\n"
            + "    try:\n"
            + "        with open(os.path.join(sys.prefix, report_name), 'a') as f:\n"
            + "            f.write('\\n'.join(lines) + '\\n')\n"
            + "    except OSError:\n"
            + "        pass\n";
        BuildTools.CopyTo(served.Links);
        SdistBuilder.Write(served.Links, "evil-build", "1.0", setupPrelude: payload + "attack('evil-build-report.txt')\n");
        WheelBuilder.Write(served.Links, "evil-pth", "1.0", files: new Dictionary<string, string>
        {
            ["evil_pth_payload.py"] = payload,
            // site runs every line of a .pth file that starts with "import", at every start of the env's python.
            ["evil-pth.pth"] = "import evil_pth_payload; evil_pth_payload.attack('evil-pth-report.txt')\n",
        });
        Assert.Equal(0, ChildProcess.Run("chmod", "-R", "a+rX", served.Links).ExitCode);
    }

    /// <summary>alice owns alice-env, bob owns bob-env (not usable by all); both have a venv.</summary>
    public sealed class Server : ServedRootFixture
    {
        public Server()
            : base((Alice, Creators), (Bob, Creators))
        {
        }

        protected override void Arrange(ServedRootHost root)
        {
            root.Run(Alice, $"New-CodeEnv alice-env -Interpreter {ServedRootHost.Python} -Requirement alpha").AssertSucceeded();
            root.Run(Bob, $"New-CodeEnv bob-env -Interpreter {ServedRootHost.Python} -Requirement beta; Set-CodeEnv bob-env -UsableByAll $false").AssertSucceeded();
        }
    }
}
