using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Every resource a caller can spend of the service is bounded, and hitting a bound hurts only that caller: each
/// attack of issue 22 (a 300 MiB message, thousands of connections with unfinished headers, a header that never ends,
/// idle connections, more operations than allowed) run for real by a real OS user against a real service, with the
/// service's memory read from /proc while it runs. The root's limits are the defaults except short timeouts and one
/// operation per user, so the tests do not wait minutes.
/// </summary>
[Collection(ServiceCollection.Name)]
public class ServiceLimitTests : IClassFixture<ServiceLimitTests.Server>
{
    private const string Alice = "codeenv-alice";
    private const string Bob = "codeenv-bob";
    private const int MessageTimeoutSeconds = 2;
    private const int IdleTimeoutSeconds = 3;
    private const int OperationsPerUser = 1;

    /// <summary>The service's memory ceiling under every attack here: it serves in about 100-150 MiB.</summary>
    private const long CeilingMiB = 256;

    /// <summary>What one attack may add to what the service held before it.</summary>
    private const long GrowthMiB = 64;

    private const long MiB = 1024 * 1024;

    private readonly ServedRootHost served;
    private readonly ITestOutputHelper output;

    public ServiceLimitTests(Server server, ITestOutputHelper output)
    {
        served = server.Served;
        this.output = output;
    }

    private string Socket => Path.Combine(served.Root, "state", "codeenv.sock");

    private string WorkFolder => Path.Combine(served.Root, "state", "service");

    [AsRootFact]
    public void The_limits_an_administrator_sets_are_in_codeenv_json_and_shown_by_Get_CodeEnvRoot()
    {
        var shown = served.Run(Alice, "$r = Get-CodeEnvRoot; foreach ($p in 'MaxMessageMiB', 'MaxPublishMiB', 'MaxConnectionsPerUser', 'MaxConnections', 'MaxOperationsPerUser', 'MessageTimeoutSeconds', 'IdleTimeoutSeconds') { $p + '=' + $r.('Service' + $p) }").AssertSucceeded().Lines();

        Assert.Equal(new[] { "MaxMessageMiB=4", "MaxPublishMiB=1024", "MaxConnectionsPerUser=8", "MaxConnections=64", $"MaxOperationsPerUser={OperationsPerUser}", $"MessageTimeoutSeconds={MessageTimeoutSeconds}", $"IdleTimeoutSeconds={IdleTimeoutSeconds}" }, shown);
        // Only what differs from the defaults is stored; the rest follows the defaults.
        var stored = (JObject)JObject.Parse(File.ReadAllText(Path.Combine(served.Root, "codeenv.json")))["service"]!["limits"]!;
        Assert.Equal(new[] { "maxOperationsPerUser", "messageTimeoutSeconds", "idleTimeoutSeconds" }, stored.Properties().Select(p => p.Name));
        Assert.Contains($"{OperationsPerUser} operations per user at once", served.ServiceLog);
    }

    [AsRootFact]
    public void A_300_MiB_message_is_cut_off_at_its_header_and_nothing_of_it_is_held_or_written()
    {
        RestartService();
        var logBefore = served.ServiceLog.Length;
        using var memory = ServiceMemory.Watch(served.Root);
        using var written = FolderWatch.Start(WorkFolder);

        var result = RawServiceClient.Run(Bob, RawServiceClient.OversizedMessage, Socket, (300 * MiB).ToString(CultureInfo.InvariantCulture));
        // Before the limit, the service was still decoding and writing the archive seconds after it was sent.
        Thread.Sleep(3000);

        output.WriteLine(result);
        output.WriteLine("300 MiB message: " + memory.Describe());
        Assert.StartsWith("cut off after", result);
        Assert.Empty(written.Seen);
        AssertWithinMemory(memory);
        served.WaitForLog(logBefore, $"Closed a connection of '{Bob}': it sent a message of");
        Assert.True(int.TryParse(served.Run(Alice, "@(Get-CodeEnv).Count").AssertSucceeded().Lines()[^1], out _));
    }

    [AsRootFact]
    public void A_non_administrators_Publish_of_a_300_MiB_archive_is_refused_before_a_byte_of_it_is_sent()
    {
        var archive = SparseFile("huge-1.0-py3-none-any.whl", 300 * MiB);
        try
        {
            using var memory = ServiceMemory.Watch(served.Root);
            using var written = FolderWatch.Start(WorkFolder);

            var result = served.Run(Bob, "try { Publish-CodeEnvPackage -Path $args[0] -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }", archive).Lines();

            output.WriteLine("non-administrator's 300 MiB Publish: " + memory.Describe());
            Assert.StartsWith("AdministratorRequired,", result[0]);
            Assert.Contains("may not publish packages", result[1]);
            Assert.Empty(written.Seen);
            AssertWithinMemory(memory);
        }
        finally
        {
            File.Delete(archive);
        }
    }

    [AsRootFact]
    public void An_archive_over_the_publish_limit_is_refused_before_a_byte_of_it_is_sent()
    {
        var archive = SparseFile("vast-1.0-py3-none-any.whl", 1024 * MiB + 1);
        try
        {
            using var written = FolderWatch.Start(WorkFolder);

            var result = served.Run("root", "try { Publish-CodeEnvPackage -Path $args[0] -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; [string]$_.CategoryInfo.Category; $_.Exception.Message }", archive).Lines();

            Assert.StartsWith("PublishTooLarge,", result[0]);
            Assert.Equal("LimitsExceeded", result[1]);
            Assert.Contains("more than the 1024 MiB", result[2]);
            Assert.Contains("Set-CodeEnvRoot -ServiceMaxPublishMiB", result[2]);
            Assert.Empty(written.Seen);
        }
        finally
        {
            File.Delete(archive);
        }
    }

    [AsRootFact]
    public void A_wheel_larger_than_the_message_limit_is_published_whole_in_chunks()
    {
        var folder = Path.Combine(served.Shared, "big-" + Guid.NewGuid().ToString("N")[..8]);
        // Random text compresses to about three quarters: a wheel of about 6 MiB, over the 4 MiB message limit.
        var text = Convert.ToBase64String(RandomNumberGenerator.GetBytes(6 * (int)MiB));
        var wheel = WheelBuilder.Write(folder, "bigwheel", "1.0", files: new Dictionary<string, string> { ["bigwheel/data.txt"] = text });
        Assert.True(new FileInfo(wheel).Length > 4 * MiB, "the wheel is not larger than the message limit");
        ChildProcess.Run("chmod", "-R", "a+rX", folder);

        var result = served.Run("root", "$p = Publish-CodeEnvPackage -Path $args[0]; $p.PackageName; $p.Version; $p.Path", wheel).AssertSucceeded().Lines();

        Assert.Equal(new[] { "bigwheel", "1.0" }, result[..2]);
        Assert.Equal(Path.Combine(served.Root, "wheelhouse", Path.GetFileName(wheel)), result[2]);
        Assert.Equal(Hash(wheel), Hash(result[2]));
        Assert.Empty(Directory.GetFileSystemEntries(WorkFolder));
    }

    [AsRootFact]
    public void A_call_larger_than_the_message_limit_is_refused_by_the_callers_own_process_with_the_limit_and_how_to_raise_it()
    {
        var document = Path.Combine(served.Shared, "huge-export-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        File.WriteAllText(document, "{ \"schemaVersion\": 2, \"padding\": \"" + new string('x', 5 * (int)MiB) + "\" }");
        try
        {
            var logBefore = served.ServiceLog.Length;

            var result = served.Run(Alice, "try { Import-CodeEnv $args[0] -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; [string]$_.CategoryInfo.Category; $_.Exception.Message }", document).Lines();

            Assert.StartsWith("MessageTooLarge,", result[0]);
            Assert.Equal("LimitsExceeded", result[1]);
            Assert.Contains("more than the 4 MiB it reads in one message, so nothing was sent", result[2]);
            Assert.Contains("Set-CodeEnvRoot -ServiceMaxMessageMiB", result[2]);
            // The service never saw it, so it had nothing to cut off.
            Assert.DoesNotContain($"Closed a connection of '{Alice}': it sent", served.ServiceLog[logBefore..]);
        }
        finally
        {
            File.Delete(document);
        }
    }

    [AsRootFact]
    public void Thousands_of_connections_with_unfinished_headers_leave_the_service_under_its_ceiling_and_serving_others()
    {
        const int flood = 10000;
        RestartService();
        using var memory = ServiceMemory.Watch(served.Root);

        using var attack = RawServiceClient.Start(Bob, RawServiceClient.ConnectionFlood, Socket, flood.ToString(CultureInfo.InvariantCulture));
        using var call = served.StartAs(Alice, "@(Get-CodeEnv).Count; (Get-CodeEnvRoot).Revision");
        var opened = RawServiceClient.FirstLine(attack);
        var during = ShellProcess.Wait(call);
        // The connections the service admitted reach their message timeout; the rest it refused at once.
        Thread.Sleep((MessageTimeoutSeconds + 2) * 1000);
        var closed = RawServiceClient.Finish(attack);

        output.WriteLine($"{opened}; {closed}");
        output.WriteLine($"flood of {flood} connections: " + memory.Describe());
        during.AssertSucceeded();
        Assert.True(int.TryParse(during.Lines()[0], out _), during.Output);
        Assert.True(memory.ServiceRuns, "the service died: " + served.ServiceLog);
        var counts = closed.Split(' ');
        Assert.True(counts[1] == counts[5], $"the service did not close every connection of the flood: {closed}");
        // Eight at a time were admitted (and closed at their message timeout); all the others were refused at once.
        Assert.True(int.Parse(counts[3], CultureInfo.InvariantCulture) >= int.Parse(counts[5], CultureInfo.InvariantCulture) * 0.99, $"connections over the per-user limit were not refused with the reason: {closed}");
        AssertWithinMemory(memory);
        served.Run(Alice, "(Get-CodeEnvRoot).Revision").AssertSucceeded();
    }

    [AsRootFact]
    public void A_header_that_never_ends_is_dropped_after_the_message_timeout()
    {
        var logBefore = served.ServiceLog.Length;

        var result = RawServiceClient.Run(Bob, RawServiceClient.UnfinishedHeader, Socket, "30");

        Assert.StartsWith("closed after", result);
        var seconds = double.Parse(result.Split(' ')[2], CultureInfo.InvariantCulture);
        Assert.InRange(seconds, MessageTimeoutSeconds - 0.1, MessageTimeoutSeconds + 3);
        served.WaitForLog(logBefore, $"Closed a connection of '{Bob}': it did not send a whole message within {MessageTimeoutSeconds} s");
    }

    [AsRootFact]
    public void A_connection_idle_past_the_idle_timeout_is_closed_and_the_cmdlet_connects_again_for_its_next_call()
    {
        var logBefore = served.ServiceLog.Length;
        var pause = (IdleTimeoutSeconds + 2) * 1000;

        // One Get-CodeEnvRoot (one connection) gets two roots, the second after its connection was idle too long.
        var result = served.Run(Alice, $"1, 2 | ForEach-Object {{ [System.Threading.Thread]::Sleep({pause}); [pscustomobject]@{{ Root = $env:CODEENV_ROOT }} }} | Get-CodeEnvRoot | ForEach-Object {{ 'revision ' + $_.Revision }}");

        result.AssertSucceeded();
        Assert.Equal(2, result.Lines().Count(l => l.StartsWith("revision ", StringComparison.Ordinal)));
        served.WaitForLog(logBefore, $"Closed a connection of '{Alice}': it was idle for {IdleTimeoutSeconds} s");
    }

    [AsRootFact]
    public void A_user_over_the_operation_limit_is_refused_at_once_and_other_users_go_on()
    {
        served.Run(Alice, $"New-CodeEnv busy -Interpreter {ServedRootHost.Python} -NoInstall | Out-Null").AssertSucceeded();
        // Root holds the env's lock, so Alice's Set-CodeEnv waits for it in the service: one operation running.
        using var holder = HoldLock(Path.Combine(served.Root, "state", "locks", "busy.lock"));
        using var waiting = served.StartAs(Alice, "Set-CodeEnv busy -Description 'after the wait'; 'set'");
        try
        {
            var refused = WaitUntilRefused(Alice, "busy");

            Assert.StartsWith("TooManyOperations,", refused[0]);
            Assert.Equal("LimitsExceeded", refused[1]);
            Assert.Contains($"'{Alice}' already runs {OperationsPerUser} operations", refused[2]);
            Assert.Contains("Set-CodeEnvRoot -ServiceMaxOperationsPerUser", refused[2]);
            Assert.Equal("busy", served.Run(Bob, "(Get-CodeEnv busy).Name").AssertSucceeded().Lines()[^1]);
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
        }

        var set = ShellProcess.Wait(waiting).AssertSucceeded();
        Assert.Equal("set", set.Lines()[^1]);
        Assert.Equal("after the wait", served.Run(Alice, "(Get-CodeEnv busy).Description").AssertSucceeded().Lines()[^1]);
    }

    [AsRootFact]
    public void Ctrl_C_reaches_the_service_while_the_user_runs_all_the_operations_allowed()
    {
        served.Run(Alice, $"New-CodeEnv stoppable -Interpreter {ServedRootHost.Python} -NoInstall | Out-Null").AssertSucceeded();
        using var holder = HoldLock(Path.Combine(served.Root, "state", "locks", "stoppable.lock"));
        using var waiting = served.StartAs(Alice, "Set-CodeEnv stoppable -Description 'never'");
        try
        {
            WaitUntilRefused(Alice, "stoppable");

            // Ctrl+C is SIGINT to the user's own codeenv process (not runuser around it).
            foreach (var pid in ChildProcess.Run("pgrep", "-f", "Set-CodeEnv stoppable").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (File.ReadAllText($"/proc/{pid.Trim()}/comm").Trim() == "dotnet")
                {
                    ChildProcess.Run("kill", "-INT", pid.Trim());
                }
            }

            Assert.Equal(130, ShellProcess.Wait(waiting).ExitCode);
            // The lock is still held: the wait ended because the service heard the Ctrl+C, and the user's slot is free.
            Assert.Equal("stoppable", served.Run(Alice, "(Get-CodeEnv stoppable).Name").AssertSucceeded().Lines()[^1]);
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
        }
    }

    [AsRootFact]
    public void A_user_at_the_connection_limit_is_refused_with_the_reason_and_other_users_go_on()
    {
        using var held = RawServiceClient.Start(Bob, RawServiceClient.HeldConnections, Socket, "8");
        try
        {
            Assert.Equal("held 8 welcomed 8", RawServiceClient.FirstLine(held));

            var refused = served.Run(Bob, "try { Get-CodeEnvRoot -ErrorAction Stop | Out-Null; 'served' } catch { $_.FullyQualifiedErrorId; [string]$_.CategoryInfo.Category; $_.Exception.Message }").Lines();

            Assert.StartsWith("TooManyConnections,", refused[0]);
            Assert.Equal("LimitsExceeded", refused[1]);
            Assert.Contains("already holds 8 connections", refused[2]);
            Assert.Contains("Set-CodeEnvRoot -ServiceMaxConnectionsPerUser", refused[2]);
            served.Run(Alice, "(Get-CodeEnvRoot).Revision").AssertSucceeded();
        }
        finally
        {
            RawServiceClient.Finish(held);
        }
    }

    // Holds an env's lock as root (flock), as another writer would, until killed.
    private static Process HoldLock(string lockFile)
    {
        Assert.True(File.Exists(lockFile), "the env has no lock file: " + lockFile);
        var holder = Process.Start("flock", new[] { "-x", lockFile, "sleep", "300" })!;
        Patience.WaitUntil(() => ChildProcess.Run("flock", "-n", lockFile, "true").ExitCode != 0, "flock did not take the lock");

        return holder;
    }

    // Calls until the service refuses the user another operation (the one started before is then running in it); each
    // refused call comes back at once, not after the running one.
    private string[] WaitUntilRefused(string user, string env)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.True(clock.Elapsed < Patience.Deadline, $"{user}'s second operation was never refused");
            var call = Stopwatch.StartNew();
            var result = served.Run(user, $"try {{ Get-CodeEnv {env} -ErrorAction Stop | Out-Null; 'served' }} catch {{ $_.FullyQualifiedErrorId; [string]$_.CategoryInfo.Category; $_.Exception.Message }}").Lines();
            output.WriteLine($"{call.Elapsed.TotalSeconds:0.0} s: {result[0]}");
            if (result[0] != "served")
            {
                return result;
            }
        }
    }

    private void RestartService()
    {
        served.Stop();
        served.Start();
    }

    private void AssertWithinMemory(ServiceMemory memory)
    {
        var after = memory.Now();
        Assert.True(after.HwmKiB / 1024 <= CeilingMiB, $"the service went over its {CeilingMiB} MiB ceiling: {memory.Describe()}");
        Assert.True((after.HwmKiB - memory.Before.HwmKiB) / 1024 <= GrowthMiB, $"the attack grew the service by more than {GrowthMiB} MiB: {memory.Describe()}");
    }

    private string SparseFile(string name, long length)
    {
        var path = Path.Combine(served.Shared, name);
        using (var file = File.Create(path))
        {
            file.SetLength(length);
        }

        ChildProcess.Run("chmod", "a+r", path);
        return path;
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    /// <summary>Everything that appears in a folder while it is watched, looked at every few milliseconds.</summary>
    private sealed class FolderWatch : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly HashSet<string> seen = new();
        private readonly Task watching;

        private FolderWatch(string folder)
        {
            watching = Task.Run(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    foreach (var entry in Directory.Exists(folder) ? Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories) : Array.Empty<string>())
                    {
                        lock (seen)
                        {
                            seen.Add(entry);
                        }
                    }

                    Thread.Sleep(5);
                }
            });
        }

        public IReadOnlyCollection<string> Seen
        {
            get
            {
                lock (seen)
                {
                    return seen.ToList();
                }
            }
        }

        public static FolderWatch Start(string folder) => new(folder);

        public void Dispose()
        {
            stop.Cancel();
            watching.Wait();
        }
    }

    public sealed class Server : ServedRootFixture
    {
        public Server()
            : base((Alice, Creators), (Bob, "codeenv-analysts"))
        {
        }

        protected override void Arrange(ServedRootHost root)
        {
            ShellProcess.Run(new[] { "-Command", $"Set-CodeEnvRoot -Root '{root.Root}' -ServiceMessageTimeoutSeconds {MessageTimeoutSeconds} -ServiceIdleTimeoutSeconds {IdleTimeoutSeconds} -ServiceMaxOperationsPerUser {OperationsPerUser}" }).AssertSucceeded();
            // The service reads its limits when it starts.
            root.Stop();
            root.Start();
        }
    }
}
