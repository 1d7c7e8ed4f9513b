using System.Diagnostics;
using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// The service as an operator meets it: stopped and started again in the middle of users' work, not running at all,
/// and eight users calling at once.
/// </summary>
[Collection(ServiceCollection.Name)]
public class ServiceLifecycleTests : IClassFixture<ServiceLifecycleTests.Server>
{
    private const string Alice = "codeenv-alice";

    private readonly ServedRootHost served;

    public ServiceLifecycleTests(Server server)
    {
        served = server.Served;
    }

    [AsRootFact]
    public void Stopping_the_service_mid_update_interrupts_it_tells_the_caller_and_loses_nothing()
    {
        served.Run(Alice, $"New-CodeEnv worker -Interpreter {ServedRootHost.Python} -Requirement 'alpha==1.0'").AssertSucceeded();
        var stall = WriteStallingPackage();
        using var update = served.StartAs(Alice, "try { Add-CodeEnvPackage worker stalling -Update -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }");
        WaitUntilPipBuilds("worker", "stalling");

        served.Stop();
        var interrupted = ShellProcess.Wait(update);

        served.Start();
        File.Delete(stall);
        Assert.True(interrupted.Output.StartsWith("ServiceStopped,"), interrupted.Output + interrupted.Error + served.ServiceLog);
        Assert.Contains("was interrupted", interrupted.Output);
        var after = served.Run(Alice, "$e = Get-CodeEnv worker; $e.State; $e.RequestedPackages -join ','; Invoke-CodeEnvPython worker -ArgumentList '-c', 'import alpha; print(alpha.__version__)'").AssertSucceeded().Lines();
        Assert.True(after.Length == 3, string.Join("\n", after));
        Assert.Equal("Outdated", after[0]);
        Assert.Equal("alpha==1.0,stalling", after[1]);
        Assert.Equal("1.0", after[2]);
        foreach (var json in Directory.GetFiles(served.Root, "*.json", SearchOption.AllDirectories))
        {
            JToken.Parse(File.ReadAllText(json));
        }

        Assert.Equal("Ready", served.Run(Alice, "Update-CodeEnv worker; (Get-CodeEnv worker).State").AssertSucceeded().Lines()[^1]);
    }

    [AsRootFact]
    public void A_service_killed_mid_update_leaves_the_env_serving_and_the_next_update_finishes_the_work()
    {
        served.Run(Alice, $"New-CodeEnv crashed -Interpreter {ServedRootHost.Python} -Requirement 'alpha==1.0'").AssertSucceeded();
        var stall = WriteStallingPackage();
        using var update = served.StartAs(Alice, "try { Add-CodeEnvPackage crashed stalling -Update -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }");
        WaitUntilPipBuilds("crashed", "stalling");

        served.Stop("KILL");
        var lost = ShellProcess.Wait(update);

        served.Start();
        File.Delete(stall);
        Assert.StartsWith("ServiceConnectionLost,", lost.Output.Trim());
        var after = served.Run(Alice, "(Get-CodeEnv crashed).State; Invoke-CodeEnvPython crashed -ArgumentList '-c', 'import alpha; print(alpha.__version__)'").AssertSucceeded().Lines();
        Assert.Equal(new[] { "Interrupted", "1.0" }, after);
        foreach (var json in Directory.GetFiles(served.Root, "*.json", SearchOption.AllDirectories))
        {
            JToken.Parse(File.ReadAllText(json));
        }

        var finished = served.Run(Alice, "Update-CodeEnv crashed; (Get-CodeEnv crashed).State; Invoke-CodeEnvPython crashed -ArgumentList '-c', 'import stalling; print(stalling.VERSION)'").AssertSucceeded().Lines();
        Assert.Equal(new[] { "Ready", "1.0" }, finished[^2..]);
    }

    [AsRootFact]
    public void Ctrl_C_in_the_callers_shell_cancels_the_update_in_the_service()
    {
        served.Run(Alice, $"New-CodeEnv stopper -Interpreter {ServedRootHost.Python} -Requirement 'alpha==1.0'").AssertSucceeded();
        var stall = WriteStallingPackage();
        using var update = served.StartAs(Alice, "Add-CodeEnvPackage stopper stalling -Update");
        WaitUntilPipBuilds("stopper", "stalling");
        // The sandbox pip builds in names the env's folder in its command line.
        var sandbox = Path.Combine(served.EnvFolder("stopper"), "venvs");
        Assert.Equal(0, ChildProcess.Run("pgrep", "-f", sandbox).ExitCode);

        // Ctrl+C is SIGINT to the user's own codeenv process (not runuser around it).
        foreach (var pid in ChildProcess.Run("pgrep", "-f", "Add-CodeEnvPackage stopper stalling").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.ReadAllText($"/proc/{pid.Trim()}/comm").Trim() == "dotnet")
            {
                ChildProcess.Run("kill", "-INT", pid.Trim());
            }
        }

        var stopped = ShellProcess.Wait(update);
        try
        {
            Assert.Equal(130, stopped.ExitCode);
            // the build hook would loop for as long as the stall file exists: the service killed the sandbox and all in it.
            Assert.NotEqual(0, ChildProcess.Run("pgrep", "-f", sandbox).ExitCode);
            var after = served.Run(Alice, "$e = Get-CodeEnv stopper; $e.State; $e.StateDetail").AssertSucceeded().Lines();
            Assert.Equal("Outdated", after[0]);
            Assert.Contains("was stopped", after[1]);
        }
        finally
        {
            File.Delete(stall);
        }
    }

    [AsRootFact]
    public void A_served_root_whose_service_is_not_running_says_so_and_how_to_start_it()
    {
        served.Stop();
        try
        {
            var result = served.Run(Alice, "try { Get-CodeEnv -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }");

            var lines = result.Lines();
            Assert.StartsWith("ServiceNotRunning,", lines[0]);
            Assert.Contains("is served by the CodeEnv service, which is not running", lines[1]);
            Assert.Contains($"codeenv serve --root {served.Root}", lines[1]);
        }
        finally
        {
            served.Start();
        }
    }

    [AsRootFact]
    public void Eight_users_calling_at_once_each_get_their_own_answer()
    {
        var users = Enumerable.Range(1, 8).Select(i => $"codeenv-u{i:00}").ToList();
        foreach (var user in users)
        {
            OsAccounts.EnsureUser(user, ServedRootFixture.Creators);
        }

        var clock = Stopwatch.StartNew();
        var processes = users.Select(user => served.StartAs(user, $"New-CodeEnv 'own-{user}' -Interpreter {ServedRootHost.Python} -NoInstall | Out-Null; Add-CodeEnvPackage 'own-{user}' alpha | Out-Null; $e = Get-CodeEnv 'own-{user}'; $e.Owner; $e.RequestedPackages -join ','; (Get-CodeEnv own-*).Count")).ToList();
        var results = processes.Select(ShellProcess.Wait).ToList();

        for (var i = 0; i < users.Count; i++)
        {
            var lines = results[i].AssertSucceeded().Lines();
            Assert.Equal(users[i], lines[0]);
            Assert.Equal("alpha", lines[1]);
        }

        Assert.Equal(users.Count, served.Run(Alice, "(Get-CodeEnv own-*).Count").AssertSucceeded().Lines().Select(int.Parse).Single());
        Console.WriteLine($"{users.Count} users' concurrent calls took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    // An sdist whose build waits while a file exists. Inside the sandbox only the root's find-links folders are
    // visible, so the file lives there.
    private string WriteStallingPackage()
    {
        var stall = Path.Combine(served.Links, "stall-while-this-exists");
        File.WriteAllText(stall, "");
        SdistBuilder.WriteWithInTreeBackend(served.Links, "stalling", "1.0", hookPrelude: $"import os, time\nwhile os.path.exists({System.Text.Json.JsonSerializer.Serialize(stall)}):\n    time.sleep(0.2)\n");
        ChildProcess.Run("chmod", "-R", "a+rX", served.Links);
        return stall;
    }

    private void WaitUntilPipBuilds(string env, string package)
    {
        var logs = Path.Combine(served.EnvFolder(env), "logs");
        Patience.WaitUntil(
            () => Directory.Exists(logs) && Directory.GetFiles(logs, "*update.log").Any(l => StallingPackage.ReadShared(l).Contains(package)),
            () => "The update never reached pip: " + served.ServiceLog);

        // pip names the package as it starts to build it; give the build hook a moment to be the thing that runs.
        Thread.Sleep(1000);
    }

    public sealed class Server : ServedRootFixture
    {
        public Server()
            : base((Alice, Creators))
        {
        }
    }
}
