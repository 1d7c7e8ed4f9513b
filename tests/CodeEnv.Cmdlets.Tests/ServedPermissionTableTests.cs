using System.Collections.Concurrent;
using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;
using static CodeEnv.Cmdlets.Tests.PermissionTableTests;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// The README's permission table again, one test per cell, on a served root: each role is a real OS user (in a real
/// group where the role is a group's), calling through the service from a process of its own. Each role has its own
/// pair of envs, arranged through the service by an administrator, so the roles run side by side.
/// </summary>
[Collection(ServedRootCollection.Name)]
public class ServedPermissionTableTests : IClassFixture<ServedPermissionTableTests.Table>
{
    private readonly Table table;

    public ServedPermissionTableTests(Table table) => this.table = table;

    [AsRootTheory]
    [MemberData(nameof(PermissionTableTests.Cells), MemberType = typeof(PermissionTableTests))]
    public void Each_cmdlet_checks_the_callers_right_in_the_service(string cmdlet, Role role)
    {
        var row = Array.FindIndex(Rows, r => r.Cmdlet == cmdlet);
        var outcome = table.Outcome(role, row);
        var needs = ReadsNeedingUse.Contains(cmdlet) ? Needs.Use : Rows[row].Needs;

        if (Allowed(role, needs))
        {
            Assert.True(outcome.Ok, $"{Table.User(role)} was refused {cmdlet}: {outcome.Text}");
        }
        else
        {
            Assert.False(outcome.Ok, $"{Table.User(role)} was allowed {cmdlet}");
            Assert.Equal(needs == Needs.Administrator ? "AdministratorRequired" : "CodeEnvPermissionDenied", outcome.ErrorId);
            Assert.Equal("PermissionDenied", outcome.Category);
            Assert.Contains($"'{Table.User(role)}'", outcome.Text);
            Assert.Equal(outcome.RevisionBefore, outcome.RevisionAfter);
        }
    }

    /// <summary>What reads an env's definition, lock, logs or history: open to every reader of a direct root's files, Use on a served one.</summary>
    private static readonly string[] ReadsNeedingUse =
    {
        "Get-CodeEnvPackage", "Get-CodeEnvInstalledPackage", "Get-CodeEnvPermission", "Get-CodeEnvHistory", "Get-CodeEnvLog", "Test-CodeEnv", "Export-CodeEnv", "Export-CodeEnvContainerFile", "Get-CodeEnvVulnerability",
    };

    public sealed record Outcome(bool Ok, string ErrorId, string Category, string RevisionBefore, string RevisionAfter, string Text);

    /// <summary>A served root with a user per role, each role's envs, and every row's outcome for every role, run once.</summary>
    public sealed class Table : IDisposable
    {
        private const string Other = "codeenv-pt-other";
        private const string NewOwner = "codeenv-pt-newowner";
        private readonly ServedRootHost? served;
        private readonly ConcurrentDictionary<Role, Outcome[]> outcomes = new();

        public Table()
        {
            if (!OperatingSystem.IsLinux() || System.Environment.UserName != "root")
            {
                return;
            }

            foreach (var role in Enum.GetValues<Role>())
            {
                var group = Group(role);
                if (group == null)
                {
                    OsAccounts.EnsureUser(User(role));
                }
                else
                {
                    OsAccounts.EnsureUser(User(role), group);
                }
            }

            OsAccounts.EnsureUser(Other);
            OsAccounts.EnsureUser(NewOwner);
            served = new ServedRootHost();
            AddSetAndConfigsByHand(served.Root);
            var arrange = new List<string>
            {
                $"Set-CodeEnvRoot -Administrator root, {User(Role.Administrator)} -ManagerGroup {Group(Role.Manager)} -CreatorGroup {Group(Role.CreatorGroup)}",
            };
            foreach (var role in Enum.GetValues<Role>())
            {
                var owner = role == Role.Owner ? User(role) : Other;
                var usable = role == Role.AllUsers ? "$true" : "$false";
                arrange.Add($"New-CodeEnv {Shared(role)} -Interpreter {ServedRootHost.Python} -Requirement 'zeta; python_version < \"3\"' | Out-Null");
                arrange.Add($"New-CodeEnv {Victim(role)} -Interpreter {ServedRootHost.Python} -NoInstall | Out-Null");
                foreach (var env in new[] { Shared(role), Victim(role) })
                {
                    // Revision 2, which the Restore-CodeEnv row brings back: the role's owner and usable-by-all, as in the direct table.
                    arrange.Add($"Set-CodeEnv {env} -Owner {owner} -UsableByAll {usable} -ContainerSelection All");
                    var right = role switch { Role.ManageUsersGroup => "ManageUsers", Role.UpdatePackagesGroup => "UpdatePackages", Role.UseGroup => "Use", _ => null };
                    if (right != null)
                    {
                        arrange.Add($"Grant-CodeEnvPermission {env} -Group {Group(role)} -Permission {right}");
                    }
                }
            }

            Wheel = WheelBuilder.Write(served.Shared, "published", "1.0");
            Exported = Path.Combine(served.Shared, "exported.json");
            arrange.Add($"Export-CodeEnv {Shared(Role.Nobody)} '{Exported}'");
            arrange.Add($"Import-CodeEnvAdvisoryDatabase '{OsvExport.Write(Path.Combine(served.Shared, "osv.zip"), OsvExport.Advisory("GHSA-zeta-0000-0001", "zeta", new[] { "introduced:0", "fixed:2.0" }))}' | Out-Null");
            served.Run("root", string.Join("; ", arrange)).AssertSucceeded();
            ChildProcess.Run("chmod", "-R", "a+rX", served.Shared);

            // Roles that cannot change the root's settings run side by side; the administrator, who can, runs last.
            var others = Enum.GetValues<Role>().Where(r => r != Role.Administrator).Select(r => (Role: r, Process: served.StartAs(User(r), Script(r)))).ToList();
            foreach (var (role, process) in others)
            {
                outcomes[role] = Parse(ShellProcess.Wait(process));
            }

            using var admin = served.StartAs(User(Role.Administrator), Script(Role.Administrator));
            outcomes[Role.Administrator] = Parse(ShellProcess.Wait(admin));
        }

        private string Wheel { get; } = "";

        private string Exported { get; } = "";

        public static string User(Role role) => "codeenv-pt-" + role.ToString().ToLowerInvariant();

        public Outcome Outcome(Role role, int row) => outcomes[role][row];

        public void Dispose() => served?.Dispose();

        private static string? Group(Role role) =>
            role is Role.Manager or Role.ManageUsersGroup or Role.UpdatePackagesGroup or Role.UseGroup or Role.CreatorGroup ? "codeenv-ptg-" + role.ToString().ToLowerInvariant() : null;

        private static string Shared(Role role) => "shared-" + (int)role;

        private static string Victim(Role role) => "victim-" + (int)role;

        // Every row in one process: before and after each, the role's env's revision through the service.
        private string Script(Role role)
        {
            var rows = Rows.Select(r => "'" + ForRole(r.Script, role).Replace("'", "''") + "'");
            return "$wheel = '" + Wheel + "'; $exported = '" + Exported + "'\n"
                + "foreach ($row in @(" + string.Join(",\n", rows) + ")) {\n"
                + $"  $before = (Get-CodeEnv {Shared(role)}).Revision\n"
                + "  try { $ErrorActionPreference = 'Stop'; & ([scriptblock]::Create($row)) $wheel $exported | Out-Null; $line = 'ok' }\n"
                + "  catch { $line = 'denied|' + $_.FullyQualifiedErrorId.Split(',')[0] + '|' + [string]$_.CategoryInfo.Category + '|' + ($_.Exception.Message -replace \"`n\", ' ') }\n"
                + "  $ErrorActionPreference = 'Continue'\n"
                + $"  $after = (Get-CodeEnv {Shared(role)}).Revision\n"
                + "  \"ROW|$before|$after|$line\"\n"
                + "}\n";
        }

        private static string ForRole(string script, Role role) => script
            .Replace("shared", Shared(role))
            .Replace("victim", Victim(role))
            .Replace("new-owner", NewOwner)
            .Replace("-PythonVersion 3.12", "-Interpreter " + ServedRootHost.Python)
            .Replace("-Revision 1", "-Revision 2");

        private static Outcome[] Parse(ShellProcess.Result result)
        {
            var lines = result.Lines().Where(l => l.StartsWith("ROW|", StringComparison.Ordinal)).ToList();
            Assert.True(lines.Count == Rows.Length, $"{lines.Count} of {Rows.Length} rows ran:\n{result.Output}\n{result.Error}");
            return lines.Select(l =>
            {
                var parts = l.Split('|', 7);
                return parts[3] == "ok"
                    ? new Outcome(true, "", "", parts[1], parts[2], l)
                    : new Outcome(false, parts[4], parts[5], parts[1], parts[2], parts[6]);
            }).ToArray();
        }

        // As a machine administrator would, by hand: a package set and two container configs the rows use.
        private static void AddSetAndConfigsByHand(string root)
        {
            var file = Path.Combine(root, "codeenv.json");
            var settings = JObject.Parse(File.ReadAllText(file));
            settings["packageSets"]!["Never"] = new JArray("omega; python_version < \"3\"");
            settings["containerConfigs"] = new JArray(
                new JObject { ["configName"] = "slim", ["baseImage"] = "python:3.12-slim", ["pythonPath"] = "python3", ["dockerfileFragment"] = "" },
                new JObject { ["configName"] = "gpu", ["baseImage"] = "nvidia/cuda:12.4.1-runtime-ubuntu22.04", ["pythonPath"] = "python3", ["dockerfileFragment"] = "" });
            File.WriteAllText(file, settings.ToString());
        }
    }
}
