using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Import-CodeEnv and Restore-CodeEnv must not grant what the caller lacks. Each test runs the attack through the
/// real cmdlets; the caller is this process's real OS user, made a creator, a manager or an owner (not an
/// administrator) by the root settings, as a machine administrator would arrange it.
/// </summary>
public class ImportAndRestoreAttackTests : IDisposable
{
    private readonly PowerShellSession ps = PackageSession.Create();
    private readonly string exported;

    public ImportAndRestoreAttackTests()
    {
        ps.Run("New-CodeEnv source -PythonVersion 3.12 -Requirement 'alpha==1.0'; Grant-CodeEnvPermission source -Group auditors -Permission ManageUsers").AssertSuccess();
        exported = ps.Scratch("source.json");
        ps.Run("Export-CodeEnv source $args[0]", exported).AssertSuccess();
    }

    public void Dispose() => ps.Dispose();

    private static string MyGroup => RunId("-gn");

    private static string RunId(string argument)
    {
        using var id = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("id", argument) { RedirectStandardOutput = true })!;
        var name = id.StandardOutput.ReadToEnd().Trim();
        id.WaitForExit();
        return name;
    }

    private void BecomeOnly(string role) => ps.EditRootSettings(s =>
    {
        s["administrators"] = new JArray("someone-else");
        s[role] = new JArray(MyGroup);
    });

    private void EditExport(Action<JObject> edit)
    {
        var json = JObject.Parse(File.ReadAllText(exported));
        edit(json);
        File.WriteAllText(exported, json.ToString());
    }

    private bool EnvExists(string name) => Directory.Exists(Path.Combine(ps.RootPath, "envs", name));

    [Fact]
    public void A_lock_entry_that_smuggles_a_pip_option_is_refused_and_nothing_is_created()
    {
        EditExport(e => e["lock"]![0]!["version"] = "9.9\n--find-links /evil");

        var error = ps.Run("Import-CodeEnv $args[0] -NewName smuggled -Locked", exported).AssertError("ExportLockInvalid", ErrorCategory.InvalidData);

        Assert.Contains("\\x0a--find-links /evil", error.Exception.Message);
        Assert.False(EnvExists("smuggled"));
    }

    [Theory]
    [InlineData("name", "alpha==1.0 --index-url https://evil.example")]
    [InlineData("version", "not-a-version")]
    [InlineData("name", "")]
    public void A_lock_entry_that_is_not_a_name_and_a_version_is_refused(string field, string value)
    {
        EditExport(e => e["lock"]![0]![field] = value);
        ps.Run("Import-CodeEnv $args[0] -NewName bad-lock -Locked", exported).AssertError("ExportLockInvalid", ErrorCategory.InvalidData);
        Assert.False(EnvExists("bad-lock"));
    }

    [Fact]
    public void A_creator_who_imports_owns_the_env_and_the_files_owner_and_grants_are_dropped_with_warnings()
    {
        EditExport(e => e["definition"]!["owner"] = "nobody");
        BecomeOnly("creatorGroups");

        var result = ps.Run("Import-CodeEnv $args[0] -NewName taken -WarningVariable w; Get-CodeEnvPermission taken", exported);

        result.AssertSuccess();
        var entries = result.Output.Skip(1).ToList();
        Assert.Equal(RunId("-un"), entries.Single(e => e.Get<string>("Kind") == "Owner").Get<string>("Principal"));
        Assert.DoesNotContain(entries, e => e.Get<string>("Kind") == "Group");
        Assert.Contains(result.Warnings, w => w.Contains("'nobody'") && w.Contains("owns the imported env"));
        Assert.Contains(result.Warnings, w => w.Contains("ManageUsers") && w.Contains("'auditors'") && w.Contains("dropped"));
    }

    [Fact]
    public void An_administrator_who_imports_keeps_the_files_owner_and_grants()
    {
        EditExport(e => e["definition"]!["owner"] = "nobody");

        var entries = ps.Run("Import-CodeEnv $args[0] -NewName kept | Out-Null; Get-CodeEnvPermission kept", exported).AssertSuccess().Output;

        Assert.Equal("nobody", entries.Single(e => e.Get<string>("Kind") == "Owner").Get<string>("Principal"));
        Assert.Contains(entries, e => e.Get<string>("Principal") == "auditors" && e.Get<bool>("ManageUsers"));
    }

    [Fact]
    public void A_creator_cannot_import_a_line_only_an_administrator_may_write()
    {
        EditExport(e => e["definition"]!["requestedPackages"] = new JArray("alpha==1.0", "--pre --find-links /evil"));
        BecomeOnly("creatorGroups");

        var error = ps.Run("Import-CodeEnv $args[0] -NewName evil-lines", exported).AssertError("RequirementInvalid", ErrorCategory.InvalidArgument);

        Assert.Contains("'--find-links'", error.Exception.Message);
        Assert.False(EnvExists("evil-lines"));
    }

    [Theory]
    [InlineData("description", null, "DescriptionInvalid")]
    [InlineData("groupPermissions", "bad\u0007group", "GroupNameInvalid")]
    public void Imported_fields_get_the_cmdlets_validation(string field, string? value, string errorId)
    {
        EditExport(e =>
        {
            if (field == "description")
            {
                e["definition"]!["description"] = new string('x', 5000);
            }
            else
            {
                e["definition"]!["groupPermissions"]![0]!["group"] = value;
            }
        });

        ps.Run("Import-CodeEnv $args[0] -NewName bad-field", exported).AssertError(errorId, ErrorCategory.InvalidArgument);
        Assert.False(EnvExists("bad-field"));
    }

    [Fact]
    public void A_manager_cannot_take_ownership_by_restoring_a_revision_that_named_them()
    {
        // Revision 1 names this user as owner; an administrator then gave the env to 'nobody'.
        ps.Run("New-CodeEnv given -PythonVersion 3.12 -NoInstall; Set-CodeEnv given -Owner nobody").AssertSuccess();
        BecomeOnly("managerGroups");
        ps.Run("Set-CodeEnv given -Owner $args[0]", RunId("-un")).AssertError("CodeEnvPermissionDenied", ErrorCategory.PermissionDenied);

        var error = ps.Run("Restore-CodeEnv given -Revision 1").AssertError("CodeEnvPermissionDenied", ErrorCategory.PermissionDenied);

        Assert.Contains("by restoring revision 1", error.Exception.Message);
        Assert.Equal("nobody", ps.Run("(Get-CodeEnv given).Owner").AssertSuccess().Output.Single().ToString());
    }

    [Fact]
    public void An_owner_cannot_restore_lines_only_an_administrator_may_write()
    {
        ps.Run("New-CodeEnv lines -PythonVersion 3.12 -NoInstall -Requirement 'alpha', '--pre --find-links /srv/wheels'; Set-CodeEnvPackage lines 'alpha'").AssertSuccess();
        BecomeOnly("creatorGroups");

        var error = ps.Run("Restore-CodeEnv lines -Revision 1").AssertError("RequirementInvalid", ErrorCategory.InvalidArgument);

        Assert.Contains("'--find-links'", error.Exception.Message);
        Assert.Equal(new[] { "alpha" }, ps.Run("Get-CodeEnvPackage lines -Kind Requested | ForEach-Object Line").AssertSuccess().Output.Select(o => o.ToString()));
    }
}
