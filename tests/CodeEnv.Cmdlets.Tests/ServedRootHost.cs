using System.Diagnostics;
using System.Text;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// A served root as a server has it: made by root with Initialize-CodeEnvRoot -ServiceAccount, its service running as
/// the real OS account codeenv-svc (`codeenv serve`, as the systemd unit runs it), and a find-links folder of test
/// packages every account may read. Users run cmdlets against it in their own processes (<see cref="Run"/>).
/// </summary>
public sealed class ServedRootHost : IDisposable
{
    public const string ServiceAccount = "codeenv-svc";

    /// <summary>Debian's python: every account can run it, unlike pyenv's under /root.</summary>
    public const string Python = "/usr/bin/python3";

    private readonly string folder;
    private readonly StringBuilder serviceLog = new();
    private Process? service;

    // What a served root needs from the OS, installed as the deploy script would, once per test run.
    private static readonly Lazy<bool> OsPackages = new(() =>
    {
        var missing = new[] { ("/usr/bin/setfacl", "acl"), ("/usr/bin/bwrap", "bubblewrap") }.Where(p => !File.Exists(p.Item1)).Select(p => p.Item2).ToList();
        if (ChildProcess.Run(Python, "-c", "import venv, ensurepip").ExitCode != 0)
        {
            missing.Add("python3-venv");
        }

        if (missing.Count > 0 && File.Exists("/usr/bin/apt-get"))
        {
            ChildProcess.Run("/usr/bin/apt-get", "update", "-q");
            ChildProcess.Run("/usr/bin/apt-get", new[] { "install", "-y", "-q" }.Concat(missing).ToArray());
        }

        return true;
    });

    public ServedRootHost()
    {
        _ = OsPackages.Value;
        OsAccounts.EnsureUser(ServiceAccount);
        folder = Path.Combine("/tmp", "codeenv-served-" + Guid.NewGuid().ToString("N")[..8]);
        Root = Path.Combine(folder, "root");
        Links = PackageFixture.Write(Path.Combine(folder, "links"));
        Directory.CreateDirectory(Path.Combine(folder, "shared"));
        Assert.Equal(0, ChildProcess.Run("chmod", "-R", "a+rwX", Path.Combine(folder, "shared")).ExitCode);
        AsRoot($"Initialize-CodeEnvRoot -Path '{Root}' -ServiceAccount {ServiceAccount} -Administrator root").AssertSucceeded();
        Assert.Equal(0, ChildProcess.Run("chmod", "a+rx", folder).ExitCode);
        Assert.Equal(0, ChildProcess.Run("chmod", "-R", "a+rX", Links).ExitCode);
        ServedSeeds.LinkInto(Root);
        Start();
        AsRoot($"Set-CodeEnvRoot -Root '{Root}' -NoIndex -FindLinks '{Links}'").AssertSucceeded();
    }

    public string Root { get; }

    /// <summary>The find-links folder every pip run of the root uses.</summary>
    public string Links { get; }

    /// <summary>A folder every account may write: export files, requirement files.</summary>
    public string Shared => Path.Combine(folder, "shared");

    public string ServiceLog
    {
        get
        {
            lock (serviceLog)
            {
                return serviceLog.ToString();
            }
        }
    }

    /// <summary>
    /// Waits until the service has logged <paramref name="text"/> since <paramref name="from"/> (a length of
    /// <see cref="ServiceLog"/> taken before), and returns the log since then: its lines reach the test through the
    /// service's redirected output, so under load they may arrive after the client has its answer.
    /// </summary>
    public string WaitForLog(int from, string text)
    {
        Patience.WaitUntil(() => ServiceLog[from..].Contains(text, StringComparison.Ordinal), () => $"The service never logged \"{text}\"; its log since:\n{ServiceLog[from..]}");
        return ServiceLog[from..];
    }

    public string EnvFolder(string name) => Path.Combine(Root, "envs", name);

    /// <summary>Runs a script as <paramref name="user"/> in a process of its own, with the root as $env:CODEENV_ROOT; $args holds <paramref name="arguments"/>.</summary>
    public ShellProcess.Result Run(string user, string script, params string[] arguments) =>
        OsUserShell.RunAs(user, $"$env:CODEENV_ROOT = '{Root}'; {script}", arguments);

    public Process StartAs(string user, string script) =>
        OsUserShell.Start(user, new[] { "-Command", $"$env:CODEENV_ROOT = '{Root}'; {script}" });

    /// <summary>Starts the service as its account and waits until it listens.</summary>
    public void Start()
    {
        var logBefore = ServiceLog.Length;
        service = OsUserShell.Start(ServiceAccount, new[] { "serve", "--root", Root });
        service.OutputDataReceived += (_, e) => Append(e.Data);
        service.ErrorDataReceived += (_, e) => Append(e.Data);
        service.BeginOutputReadLine();
        service.BeginErrorReadLine();
        Patience.WaitUntil(
            () => ServiceLog.Substring(logBefore).Contains("listening on") || service.HasExited,
            () => "The service did not start listening: " + ServiceLog);
        Assert.False(service.HasExited, "The service exited: " + ServiceLog);
    }

    /// <summary>
    /// Runs <paramref name="work"/> as root on the root made direct for the while (the service stopped, the service
    /// record out of codeenv.json), then gives every file root made to the service account and starts the service again.
    /// </summary>
    public void WhileDirect(Action work)
    {
        Stop();
        var settingsFile = Path.Combine(Root, "codeenv.json");
        var original = File.ReadAllText(settingsFile);
        var direct = Newtonsoft.Json.Linq.JObject.Parse(original);
        direct.Remove("service");
        File.WriteAllText(settingsFile, direct.ToString());
        try
        {
            work();
        }
        finally
        {
            File.WriteAllText(settingsFile, original);
            ChildProcess.Run("sh", "-c", $"find '{Root}' -user root -exec chown {ServiceAccount} {{}} +");
            Start();
        }
    }

    /// <summary>Stops the service as systemd does (SIGTERM) and waits for it to exit.</summary>
    public void Stop(string signal = "TERM")
    {
        if (service == null)
        {
            return;
        }

        // The service process itself, not the runuser above it: runuser answers SIGTERM by killing its child two seconds
        // later, which turns a graceful stop that takes longer under load into a kill.
        ChildProcess.Run("pkill", "-" + signal, "-f", $"^([^ ]*/)?dotnet [^ ]+ serve --root {Root}$");
        Assert.True(service.WaitForExit(TimeSpan.FromMinutes(1)), "The service did not stop: " + ServiceLog);
        service.Dispose();
        service = null;
    }

    public void Dispose()
    {
        Stop();
        ChildProcess.Run("rm", "-rf", folder);
    }

    private static ShellProcess.Result AsRoot(string script) => ShellProcess.Run(new[] { "-Command", script });

    private void Append(string? line)
    {
        if (line != null)
        {
            lock (serviceLog)
            {
                serviceLog.AppendLine(line);
            }
        }
    }
}

public static class ShellResultAssertions
{
    public static ShellProcess.Result AssertSucceeded(this ShellProcess.Result result)
    {
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\nstdout: {result.Output}\nstderr: {result.Error}");
        return result;
    }

    public static string[] Lines(this ShellProcess.Result result) =>
        result.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
