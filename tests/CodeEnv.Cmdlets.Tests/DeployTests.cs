using System.Diagnostics;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>deploy/ as a server's administrator uses it: the install script, then the service as its unit runs it.</summary>
[Collection(ServiceCollection.Name)]
public class DeployTests
{
    [AsRootFact]
    public void The_install_script_sets_up_a_served_root_that_the_unit_serves()
    {
        const string account = "codeenv-deployed";
        var folder = Path.Combine("/tmp", "codeenv-deploy-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        ChildProcess.Run("chmod", "755", folder);
        var root = Path.Combine(folder, "root");
        var prefix = Path.Combine(folder, "prefix");
        var etc = Path.Combine(folder, "etc");
        Process? service = null;
        try
        {
            var configuration = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(RepoPaths.Shell))!);
            var install = ChildProcess.Run("sh", Path.Combine(RepoPaths.Repo, "deploy", "install.sh"), "--root", root, "--account", account, "--admin", "root", "--prefix", prefix, "--etc", etc, "--configuration", configuration, "--no-systemd");
            Assert.True(install.ExitCode == 0, install.Output);

            Assert.Equal(0, ChildProcess.Run("id", account).ExitCode);
            // Rootless podman, which builds the served root's images as the account, needs its subordinate ids.
            Assert.Contains(File.ReadAllLines("/etc/subuid"), line => line.StartsWith(account + ":", StringComparison.Ordinal));
            Assert.Contains(File.ReadAllLines("/etc/subgid"), line => line.StartsWith(account + ":", StringComparison.Ordinal));
            Assert.Equal(account, ChildProcess.Run("stat", "-c", "%U", Path.Combine(root, "codeenv.json")).Output.Trim());
            Assert.Contains(root, File.ReadAllText(Path.Combine(etc, "codeenv", "config.json")));
            var unit = File.ReadAllLines(Path.Combine(etc, "systemd", "system", "codeenv.service"));
            var execStart = unit.Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..];
            Assert.Equal($"{prefix}/bin/codeenv serve --root {root}", execStart);
            Assert.Contains($"User={account}", unit);
            if (File.Exists("/usr/bin/systemd-analyze"))
            {
                var verify = ChildProcess.Run("systemd-analyze", "verify", Path.Combine(etc, "systemd", "system", "codeenv.service"));
                Assert.True(verify.ExitCode == 0, verify.Output);
            }

            // What systemd would start: the unit's command, as the unit's user.
            var start = new ProcessStartInfo("runuser") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
            foreach (var argument in new[] { "-u", account, "--" }.Concat(execStart.Split(' ')))
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["HOME"] = "/tmp";
            start.Environment["DOTNET_CLI_HOME"] = "/tmp";
            service = Process.Start(start)!;
            var listening = service.StandardOutput.ReadLineAsync();
            Assert.True(listening.Wait(TimeSpan.FromMinutes(1)), "The service did not start.");
            Assert.Contains("listening on", listening.Result);

            OsAccounts.EnsureUser("codeenv-alice");
            var user = ChildProcess.Run("runuser", "-u", "codeenv-alice", "--", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp", Path.Combine(prefix, "bin", "codeenv"), "-Command", $"(Get-CodeEnvRoot -Root '{root}').ServiceAccount");
            Assert.True(user.ExitCode == 0, user.Output);
            Assert.Equal(account, user.Output.Trim());
        }
        finally
        {
            if (service != null)
            {
                ChildProcess.Run("pkill", "-TERM", "-f", $"serve --root {root}$");
                service.WaitForExit(60_000);
            }

            ChildProcess.Run("rm", "-rf", folder);
        }
    }
}
