using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// A real container engine for the test run, set up as the README says a machine must be: podman (with runc), its
/// storage in a folder of the run, a containers.conf with this sandbox's needs (runc; ulimits the sandbox allows), a
/// registries.conf that lets it push to a registry on loopback without TLS, Debian's docker-registry serving there, and a
/// base image with Debian's Python 3.11 made by mmdebstrap (its rootfs tar cached in ~/.cache/codeenv-tests, since making
/// it costs about a minute and the packages are the same for months). One per test run; the test framework ends it.
/// Every build and run uses --network none: the default bridge would leave host iptables chains behind.
/// </summary>
public sealed class ContainerMachine
{
    public const string BaseImage = "localhost/codeenv-test-python:3.11";

    private static readonly Lazy<ContainerMachine> Shared = new(() => new ContainerMachine());
    private static bool started;

    private readonly Process registry;
    private readonly Lazy<string> registryBase;

    private ContainerMachine()
    {
        var missing = new[] { "podman", "skopeo", "runc", "docker-registry", "mmdebstrap" }.Where(p => OnPath(p) == null).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The container tests need {string.Join(", ", missing)} (Debian packages podman, skopeo, runc, docker-registry, mmdebstrap); .ci/run installs them.");
        }

        // In /tmp, not the run's temp folder: other accounts (a served root's service, its users) read the configuration
        // and keep their storage in here, and the run's temp folder is its own.
        Folder = Path.Combine("/tmp", "codeenv-containers-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Folder);
        Assert.Equal(0, ChildProcess.Run("chmod", "755", Folder).ExitCode);
        var hardNoFile = ChildProcess.Run("/bin/sh", "-c", "ulimit -Hn").Output.Trim();
        File.WriteAllText(Path.Combine(Folder, "containers.conf"), $"[containers]\ndefault_ulimits = [\"nofile={hardNoFile}:{hardNoFile}\", \"nproc=32768:32768\"]\n[engine]\nruntime = \"runc\"\n");
        File.WriteAllText(Path.Combine(Folder, "storage.conf"), $"[storage]\ndriver = \"overlay\"\ngraphroot = \"{Folder}/storage\"\nrunroot = \"{Folder}/run\"\n");
        var port = FreeLoopbackPort();
        Registry = $"127.0.0.1:{port}";
        File.WriteAllText(Path.Combine(Folder, "registries.conf"), $"unqualified-search-registries = []\n[[registry]]\nlocation = \"{Registry}\"\ninsecure = true\n");
        // The engine CodeEnv starts inherits these from the test process, as it would from an admin's shell or a unit file.
        Environment.SetEnvironmentVariable("CONTAINERS_CONF", Path.Combine(Folder, "containers.conf"));
        Environment.SetEnvironmentVariable("CONTAINERS_STORAGE_CONF", Path.Combine(Folder, "storage.conf"));
        Environment.SetEnvironmentVariable("CONTAINERS_REGISTRIES_CONF", Path.Combine(Folder, "registries.conf"));

        File.WriteAllText(Path.Combine(Folder, "registry.yml"), $"version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: {Folder}/registry-data\nhttp:\n  addr: {Registry}\nlog:\n  level: error\n");
        registry = Process.Start(new ProcessStartInfo("docker-registry", new[] { "serve", Path.Combine(Folder, "registry.yml") }) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        registry.OutputDataReceived += (_, _) => { };
        registry.ErrorDataReceived += (_, _) => { };
        registry.BeginOutputReadLine();
        registry.BeginErrorReadLine();
        using var http = new HttpClient();
        Patience.WaitUntil(() => Answers(http, $"http://{Registry}/v2/"), "The loopback registry never answered.");

        registryBase = new Lazy<string>(PushBaseImage);
        var rootfs = BaseRootfs();
        Podman("import", "--change", "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "--change", "CMD [\"python3\"]", rootfs, BaseImage);
    }

    /// <summary>Whether a test of this run has set up the engine: OS users' shells then get a container environment of their own.</summary>
    public static bool IsRunning => Shared.IsValueCreated;

    /// <summary>The base image in the loopback registry, where any account's engine pulls it from; pushed on first use.</summary>
    public string RegistryBaseImage => registryBase.Value;

    private string PushBaseImage()
    {
        var pushed = $"{Registry}/codeenv-test-python:3.11";
        Podman("tag", BaseImage, pushed);
        Podman("push", pushed);
        return pushed;
    }

    /// <summary>
    /// What <paramref name="user"/>'s rootless engine needs, as a unit file or a login would give it: storage and a
    /// runtime folder of its own (made here, its own), this run's containers.conf and registries.conf.
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentFor(string user)
    {
        var home = Path.Combine(Folder, "users", user);
        lock (registry)
        {
            if (!Directory.Exists(home))
            {
                Directory.CreateDirectory(Path.Combine(home, "xdg"));
                Directory.CreateDirectory(Path.Combine(home, "tmp"));
                Directory.CreateDirectory(Path.Combine(home, "data"));
                Directory.CreateDirectory(Path.Combine(home, "config"));
                File.WriteAllText(Path.Combine(home, "storage.conf"), $"[storage]\ndriver = \"overlay\"\ngraphroot = \"{home}/storage\"\nrunroot = \"{home}/run\"\n");
                Assert.Equal(0, ChildProcess.Run("chown", "-R", user, home).ExitCode);
                Assert.Equal(0, ChildProcess.Run("chmod", "700", Path.Combine(home, "xdg")).ExitCode);
                // A rootless engine resolves the account's home from passwd even when HOME says otherwise; the test
                // accounts are made without one, as a service account often is (the README says to give it one).
                var passwdHome = ChildProcess.Run("getent", "passwd", user).Output.Trim().Split(':')[5];
                if (!Directory.Exists(passwdHome))
                {
                    Directory.CreateDirectory(passwdHome);
                    Assert.Equal(0, ChildProcess.Run("chown", user, passwdHome).ExitCode);
                }

                // What an earlier run's engine left for this account (its pause process, its state under the home)
                // names that run's folders; the engine would join it and fail on them.
                ChildProcess.Run("pkill", "-u", user, "-x", "podman pause");
                ChildProcess.Run("rm", "-rf", Path.Combine(passwdHome, ".local", "share", "containers"));
            }
        }

        return new Dictionary<string, string>
        {
            ["CONTAINERS_CONF"] = Path.Combine(Folder, "containers.conf"),
            ["CONTAINERS_REGISTRIES_CONF"] = Path.Combine(Folder, "registries.conf"),
            ["CONTAINERS_STORAGE_CONF"] = Path.Combine(home, "storage.conf"),
            ["XDG_RUNTIME_DIR"] = Path.Combine(home, "xdg"),
            // The run's own temp folder is closed to other accounts.
            ["TMPDIR"] = Path.Combine(home, "tmp"),
            // A rootless engine keeps its images under $XDG_DATA_HOME (else $HOME, which the shells set to /tmp and
            // runuser to the account's home): named here, the service and a test looking at its images agree.
            ["XDG_DATA_HOME"] = Path.Combine(home, "data"),
            ["XDG_CONFIG_HOME"] = Path.Combine(home, "config"),
        };
    }

    /// <summary>Runs podman as <paramref name="user"/> with that user's container environment.</summary>
    public (int ExitCode, string Output) PodmanAs(string user, params string[] arguments) =>
        ChildProcess.Run("runuser", new[] { "-u", user, "--", "env" }.Concat(EnvironmentFor(user).Select(v => $"{v.Key}={v.Value}")).Append("podman").Concat(arguments).ToArray());

    /// <summary>The run's engine, made on first use.</summary>
    public static ContainerMachine Instance
    {
        get
        {
            started = true;
            return Shared.Value;
        }
    }

    /// <summary>The loopback registry (host:port) images are pushed to.</summary>
    public string Registry { get; }

    public string Folder { get; }

    /// <summary>Ends the registry and removes every image, container and folder of the run; the test framework calls it once.</summary>
    public static void EndRun()
    {
        if (!started || !Shared.IsValueCreated)
        {
            return;
        }

        var machine = Shared.Value;
        try
        {
            machine.registry.Kill(entireProcessTree: true);
            ChildProcess.Run("podman", "system", "reset", "--force");
            // Each account's rootless engine leaves a pause process holding its user namespace, with this run's folders
            // in its environment: the next run's engine would join it.
            var users = Path.Combine(machine.Folder, "users");
            foreach (var user in Directory.Exists(users) ? Directory.GetDirectories(users).Select(Path.GetFileName) : Enumerable.Empty<string?>())
            {
                machine.PodmanAs(user!, "system", "reset", "--force");
                ChildProcess.Run("pkill", "-u", user!, "-x", "podman pause");
            }
        }
        finally
        {
            ChildProcess.Run("rm", "-rf", machine.Folder);
        }
    }

    /// <summary>Runs podman with the run's configuration; fails the test with its output when it fails.</summary>
    public string Podman(params string[] arguments)
    {
        var (exitCode, output) = ChildProcess.Run("podman", arguments);
        Assert.True(exitCode == 0, $"podman {string.Join(" ", arguments)} failed ({exitCode}): {output}");
        return output;
    }

    public (int ExitCode, string Output) TryPodman(params string[] arguments) => ChildProcess.Run("podman", arguments);

    private static string BaseRootfs()
    {
        var cache = Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "codeenv-tests");
        var rootfs = Path.Combine(cache, "debian-bookworm-python3-slim.tar");
        if (!File.Exists(rootfs))
        {
            Directory.CreateDirectory(cache);
            var building = rootfs + "." + Environment.ProcessId;
            // Without documentation, manual pages and translations the image is smaller, and every import, push and
            // pull of the run moves less.
            var (exitCode, output) = ChildProcess.Run(
                "mmdebstrap", "--quiet", "--variant=minbase", "--include=python3,python3-venv",
                "--dpkgopt=path-exclude=/usr/share/doc/*", "--dpkgopt=path-exclude=/usr/share/man/*", "--dpkgopt=path-exclude=/usr/share/locale/*", "--dpkgopt=path-exclude=/usr/share/info/*",
                "--format=tar", "bookworm", building);
            Assert.True(exitCode == 0, "mmdebstrap could not make the base image's rootfs: " + output);
            File.Move(building, rootfs, overwrite: true);
        }

        return rootfs;
    }

    private static bool Answers(HttpClient http, string url)
    {
        try
        {
            return http.GetAsync(url).Result.StatusCode == HttpStatusCode.OK;
        }
        catch (AggregateException)
        {
            return false;
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(f => Path.Combine(f, program)).FirstOrDefault(File.Exists);
}
