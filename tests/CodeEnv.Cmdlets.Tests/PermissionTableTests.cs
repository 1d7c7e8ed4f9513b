using System.Management.Automation;
using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// The README's permission table, one test per cell, through the real engine. The caller is always the real OS user
/// (root's tests run as root, group root); each role is made by editing the root's and the env's JSON as a machine
/// administrator would, so that this caller is, or is not, an administrator, the owner, a manager, or in a group.
/// </summary>
public class PermissionTableTests : IClassFixture<PermissionTableTests.SharedRoot>
{
    public enum Needs { Nothing, Use, UpdatePackages, ManageUsers, Own, OwnerOrAdministrator, Creator, Administrator }

    public enum Role { Administrator, Manager, Owner, ManageUsersGroup, UpdatePackagesGroup, UseGroup, AllUsers, CreatorGroup, Nobody }

    private static readonly string Me = System.Environment.UserName;

    /// <summary>Each cmdlet with the right it needs; the scripts succeed when the right is there.</summary>
    public static readonly (string Cmdlet, string Script, Needs Needs)[] Rows =
    {
        ("Get-CodeEnv", "Get-CodeEnv shared", Needs.Nothing),
        ("Get-CodeEnvPackage", "Get-CodeEnvPackage shared", Needs.Nothing),
        ("Get-CodeEnvInstalledPackage", "Get-CodeEnvInstalledPackage shared", Needs.Nothing),
        ("Get-CodeEnvPermission", "Get-CodeEnvPermission shared", Needs.Nothing),
        ("Get-CodeEnvHistory", "Get-CodeEnvHistory shared", Needs.Nothing),
        ("Get-CodeEnvLog", "Get-CodeEnvLog shared", Needs.Nothing),
        ("Test-CodeEnv", "Test-CodeEnv shared", Needs.Nothing),
        ("Get-CodeEnvVulnerability", "Get-CodeEnvVulnerability shared", Needs.Nothing),
        ("Get-CodeEnvContainerConfig", "Get-CodeEnvContainerConfig", Needs.Nothing),
        ("Export-CodeEnv", "Export-CodeEnv shared ([IO.Path]::Combine([IO.Path]::GetTempPath(), [guid]::NewGuid().ToString() + '.json'))", Needs.Nothing),
        ("Export-CodeEnvContainerFile", "Export-CodeEnvContainerFile shared slim ([IO.Path]::Combine([IO.Path]::GetTempPath(), [guid]::NewGuid().ToString()))", Needs.Nothing),
        ("Invoke-CodeEnvPython", "Invoke-CodeEnvPython shared -ArgumentList '-c', 'print(6 * 7)'", Needs.Use),
        ("Get-CodeEnvUsage", "Get-CodeEnvUsage shared", Needs.Use),
        ("Add-CodeEnvConsumer", "Add-CodeEnvConsumer shared -Kind Other -Id table", Needs.Use),
        ("Remove-CodeEnvConsumer", "Add-CodeEnvConsumer shared -Kind Other -Id own -ErrorAction Ignore | Out-Null; Remove-CodeEnvConsumer shared -Kind Other -Id own", Needs.Use),
        ("Get-CodeEnvUnused", "Get-CodeEnvUnused -Days 0", Needs.Nothing),
        ("Set-CodeEnvPackage", "Set-CodeEnvPackage shared 'zeta; python_version < \"3\"', 'omega; python_version < \"3\"'", Needs.UpdatePackages),
        ("Add-CodeEnvPackage", "Add-CodeEnvPackage shared 'omega; python_version < \"3\"'", Needs.UpdatePackages),
        ("Remove-CodeEnvPackage", "Remove-CodeEnvPackage shared -PackageName zeta", Needs.UpdatePackages),
        ("Add-CodeEnvPackageSet", "Add-CodeEnvPackageSet shared -SetName Never", Needs.UpdatePackages),
        ("Update-CodeEnv", "Update-CodeEnv shared", Needs.UpdatePackages),
        ("Set-CodeEnv -JupyterSupport", "Set-CodeEnv shared -JupyterSupport $false", Needs.UpdatePackages),
        ("Set-CodeEnv -EnvironmentVariable", "Set-CodeEnv shared -EnvironmentVariable @{ PERMISSION_PROBE = [guid]::NewGuid().ToString() } -SmokeTest 'import sys'", Needs.UpdatePackages),
        ("Publish-CodeEnvResource", "Publish-CodeEnvResource shared -Path $args[0]", Needs.UpdatePackages),
        ("Grant-CodeEnvPermission", "Grant-CodeEnvPermission shared -Group auditors -Permission Use", Needs.ManageUsers),
        ("Revoke-CodeEnvPermission", "Revoke-CodeEnvPermission shared -Group auditors", Needs.ManageUsers),
        ("Set-CodeEnv -Description", "Set-CodeEnv shared -Description 'changed'", Needs.Own),
        ("Set-CodeEnv -UsableByAll", "Set-CodeEnv shared -UsableByAll (-not (Get-CodeEnv shared).UsableByAll)", Needs.Own),
        ("Set-CodeEnv -ContainerSelection", "Set-CodeEnv shared -ContainerSelection Selected -ContainerConfig slim", Needs.Own),
        ("Restore-CodeEnv", "Restore-CodeEnv shared -Revision 1", Needs.Own),
        ("Remove-CodeEnv", "Remove-CodeEnv victim -Confirm:$false", Needs.Own),
        ("Lock-CodeEnv", "Lock-CodeEnv shared -Reason audit", Needs.Own),
        ("Unlock-CodeEnv", "Unlock-CodeEnv shared", Needs.Own),
        // -KeepVenv: the rows after it (and the cells of other rows, on a direct root) still run the env's python.
        ("Disable-CodeEnv", "Disable-CodeEnv shared -KeepVenv", Needs.Own),
        ("Enable-CodeEnv", "Enable-CodeEnv shared", Needs.Own),
        // nobody: an account every Linux machine has, so the new owner is real and never the caller.
        ("Set-CodeEnv -Owner", "Set-CodeEnv shared -Owner nobody", Needs.OwnerOrAdministrator),
        ("New-CodeEnv", "New-CodeEnv -Name ('made' + [guid]::NewGuid().ToString('N').Substring(0, 8)) -PythonVersion 3.12 -NoInstall", Needs.Creator),
        ("Import-CodeEnv", "Import-CodeEnv $args[1] -NewName ('imported' + [guid]::NewGuid().ToString('N').Substring(0, 8))", Needs.Creator),
        ("Set-CodeEnvRoot", "Set-CodeEnvRoot -LockTimeoutSeconds 10 -NoIndex", Needs.Administrator),
        ("Set-CodeEnvRoot -IndexRule", "Set-CodeEnvRoot -IndexStrategy FirstIndex -IndexRule @{ Pattern = 'acme-*'; Index = 'https://pypi.org/simple' } -DeniedPackage 'evil-*'", Needs.Administrator),
        ("Set-CodeEnvRoot -AllowedLicense", "Set-CodeEnvRoot -AllowedLicense @()", Needs.Administrator),
        ("New-CodeEnvContainerConfig", "New-CodeEnvContainerConfig ('c' + [guid]::NewGuid().ToString('N').Substring(0, 8)) -BaseImage python:3.12-slim", Needs.Administrator),
        ("Remove-CodeEnvContainerConfig", "Remove-CodeEnvContainerConfig gpu -Confirm:$false", Needs.Administrator),
        ("Publish-CodeEnvPackage", "Publish-CodeEnvPackage -Path $args[0]", Needs.Administrator),
        ("Get-CodeEnvStore", "Get-CodeEnvStore", Needs.Administrator),
        ("Remove-CodeEnvStoreItem", "@() | Remove-CodeEnvStoreItem -Confirm:$false", Needs.Administrator),
    };

    public static bool Allowed(Role role, Needs needs) => needs switch
    {
        Needs.Nothing => true,
        Needs.Use => role is not (Role.CreatorGroup or Role.Nobody),
        Needs.UpdatePackages => role is Role.Administrator or Role.Manager or Role.Owner or Role.ManageUsersGroup or Role.UpdatePackagesGroup,
        Needs.ManageUsers => role is Role.Administrator or Role.Manager or Role.Owner or Role.ManageUsersGroup,
        Needs.Own => role is Role.Administrator or Role.Manager or Role.Owner,
        Needs.OwnerOrAdministrator => role is Role.Administrator or Role.Owner,
        Needs.Creator => role is Role.Administrator or Role.CreatorGroup,
        Needs.Administrator => role is Role.Administrator,
        _ => false,
    };

    public static IEnumerable<object[]> Cells() =>
        from row in Rows from role in Enum.GetValues<Role>() select new object[] { row.Cmdlet, role };

    private readonly SharedRoot shared;

    public PermissionTableTests(SharedRoot shared) => this.shared = shared;

    [Theory]
    [MemberData(nameof(Cells))]
    public void Each_cmdlet_checks_the_callers_right_before_it_acts(string cmdlet, Role role)
    {
        var row = Rows.Single(r => r.Cmdlet == cmdlet);
        lock (shared)
        {
            shared.Arrange(role);
            var before = shared.EnvJson("shared").ToString();
            var rootBefore = shared.RootJson().ToString();

            var result = shared.Session.Run(row.Script, shared.Wheel, shared.Exported);

            if (Allowed(role, row.Needs))
            {
                result.AssertSuccess();
            }
            else
            {
                var error = result.AssertError(row.Needs == Needs.Administrator ? "AdministratorRequired" : "CodeEnvPermissionDenied", ErrorCategory.PermissionDenied);
                Assert.Contains($"'{Me}'", error.Exception.Message);
                Assert.Equal(before, shared.EnvJson("shared").ToString());
                Assert.Equal(rootBefore, shared.RootJson().ToString());
            }
        }
    }

    /// <summary>One root with an env that has a real venv, reused by every cell; each cell sets its role first.</summary>
    public sealed class SharedRoot : IDisposable
    {
        public SharedRoot()
        {
            Session = PackageSession.Create();
            Session.Run("New-CodeEnv -Name shared -PythonVersion 3.12").AssertSuccess();
            Wheel = WheelBuilder.Write(Session.Scratch("dist"), "published", "1.0");
            Exported = Session.Scratch("shared.json");
            Session.Run("Export-CodeEnv shared $args[0]", Exported).AssertSuccess();
            Session.Run("Import-CodeEnvAdvisoryDatabase $args[0]", OsvExport.Write(Session.Scratch("osv.zip"), OsvExport.Advisory("GHSA-zeta-0000-0001", "zeta", new[] { "introduced:0", "fixed:2.0" }))).AssertSuccess();
        }

        public string Exported { get; }

        public PowerShellSession Session { get; }

        public string Wheel { get; }

        private string RootFile => Path.Combine(Session.RootPath, "codeenv.json");

        private string EnvFile(string name) => Path.Combine(Session.RootPath, "envs", name, "env.json");

        public JObject RootJson() => JObject.Parse(File.ReadAllText(RootFile));

        public JObject EnvJson(string name) => JObject.Parse(File.ReadAllText(EnvFile(name)));

        public void Arrange(Role role)
        {
            EditRoot(s =>
            {
                s["administrators"] = new JArray(Me);
                s["managerGroups"] = new JArray();
                s["creatorGroups"] = new JArray();
            });
            if (!File.Exists(EnvFile("victim")))
            {
                Session.Run("New-CodeEnv -Name victim -PythonVersion 3.12 -NoInstall").AssertSuccess();
            }

            var myGroup = PrimaryGroup();
            foreach (var env in new[] { "shared", "victim" })
            {
                EditEnv(env, e =>
                {
                    e["owner"] = role == Role.Owner ? Me : "someone-else";
                    // A value equal to the stored one needs no right: each cell starts from the same description, so the
                    // Set-CodeEnv -Description cells do not depend on which cells ran before them.
                    e["description"] = "";
                    e["usableByAll"] = role == Role.AllUsers;
                    e["requestedPackages"] = new JArray("zeta; python_version < \"3\"");
                    e["jupyterSupport"] = false;
                    e["containers"] = new JObject { ["mode"] = "All", ["configs"] = new JArray() };
                    var rights = role switch
                    {
                        Role.ManageUsersGroup => new JObject { ["group"] = myGroup, ["use"] = true, ["updatePackages"] = true, ["manageUsers"] = true },
                        Role.UpdatePackagesGroup => new JObject { ["group"] = myGroup, ["use"] = true, ["updatePackages"] = true, ["manageUsers"] = false },
                        Role.UseGroup => new JObject { ["group"] = myGroup, ["use"] = true, ["updatePackages"] = false, ["manageUsers"] = false },
                        _ => null,
                    };
                    e["groupPermissions"] = rights == null ? new JArray() : new JArray(rights);
                });
                File.WriteAllText(Path.Combine(Session.RootPath, "envs", env, "status.json"), "{ \"schemaVersion\": 1, \"state\": \"Ready\", \"revision\": 1 }");
                // Neither frozen nor archived, whichever cell froze or archived it before.
                File.Delete(Path.Combine(Session.RootPath, "envs", env, "freeze.json"));
                File.Delete(Path.Combine(Session.RootPath, "envs", env, "archive.json"));
            }

            // Revision 1, which the Restore-CodeEnv row brings back, names the same owner: that row is about the right
            // a restore needs, not about moving ownership (ImportAndRestoreAttackTests covers that).
            var firstRevision = Path.Combine(Session.RootPath, "envs", "shared", "history", "1.json");
            var history = JObject.Parse(File.ReadAllText(firstRevision));
            history["definition"]!["owner"] = role == Role.Owner ? Me : "someone-else";
            File.WriteAllText(firstRevision, history.ToString());

            EditRoot(s =>
            {
                s["administrators"] = new JArray(role == Role.Administrator ? Me : "someone-else");
                s["managerGroups"] = role == Role.Manager ? new JArray(myGroup) : new JArray();
                s["creatorGroups"] = role == Role.CreatorGroup ? new JArray(myGroup) : new JArray();
                s["packageSets"]!["Never"] = new JArray("omega; python_version < \"3\"");
                s["containerConfigs"] = new JArray(
                    new JObject { ["configName"] = "slim", ["baseImage"] = "python:3.12-slim", ["pythonPath"] = "python3", ["dockerfileFragment"] = "" },
                    new JObject { ["configName"] = "gpu", ["baseImage"] = "nvidia/cuda:12.4.1-runtime-ubuntu22.04", ["pythonPath"] = "python3", ["dockerfileFragment"] = "" });
            });
        }

        private static string PrimaryGroup()
        {
            using var id = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("id", "-gn") { RedirectStandardOutput = true })!;
            var name = id.StandardOutput.ReadToEnd().Trim();
            id.WaitForExit();
            return name;
        }

        // The edits bump no revision: they stand for a machine administrator's hand, not a CodeEnv change.
        private void EditRoot(Action<JObject> edit)
        {
            var json = RootJson();
            edit(json);
            File.WriteAllText(RootFile, json.ToString());
        }

        private void EditEnv(string name, Action<JObject> edit)
        {
            var json = EnvJson(name);
            edit(json);
            File.WriteAllText(EnvFile(name), json.ToString());
        }

        public void Dispose() => Session.Dispose();
    }
}
