using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.Security;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>The permission model on the engine, with identities the tests choose (cmdlets always use the OS's).</summary>
public class AccessPolicyTests
{
    private sealed class As : IIdentityProvider
    {
        private readonly CallerIdentity identity;

        public As(string user, params string[] groups) => identity = new CallerIdentity(user, groups);

        public CallerIdentity Current() => identity;
    }

    private static readonly RootSettingsDocument Settings = new() { Root = "/srv/codeenv", Administrators = { "alice", "platform-admins" }, CreatorGroups = { "creators" }, ManagerGroups = { "ops" } };

    private static EnvironmentDefinition Env(bool usableByAll = false) => new()
    {
        Name = "churn",
        Owner = "bob",
        UsableByAll = usableByAll,
        GroupPermissions = { new GroupPermission { Group = "analysts", Use = true, UpdatePackages = true }, new GroupPermission { Group = "viewers", Use = true } },
    };

    [Theory]
    [InlineData("alice", "", EnvironmentRight.Administer)]
    [InlineData("carol", "platform-admins", EnvironmentRight.Administer)]
    [InlineData("carol", "ops", EnvironmentRight.Own)]
    [InlineData("BOB", "", EnvironmentRight.Own)]
    [InlineData("carol", "analysts", EnvironmentRight.UpdatePackages)]
    [InlineData("carol", "viewers,analysts", EnvironmentRight.UpdatePackages)]
    [InlineData("carol", "viewers", EnvironmentRight.Use)]
    [InlineData("carol", "creators", EnvironmentRight.None)]
    [InlineData("carol", "", EnvironmentRight.None)]
    public void Rights_follow_from_user_groups_owner_and_root_settings(string user, string groups, EnvironmentRight expected) =>
        Assert.Equal(expected, AccessPolicy.RightsOn(Env(), Settings, new CallerIdentity(user, groups.Split(',', StringSplitOptions.RemoveEmptyEntries))));

    [Fact]
    public void UsableByAll_gives_everyone_Use_and_no_more() =>
        Assert.Equal(EnvironmentRight.Use, AccessPolicy.RightsOn(Env(usableByAll: true), Settings, new CallerIdentity("mallory", Array.Empty<string>())));

    [Fact]
    public void A_refusal_names_the_caller_the_env_and_the_missing_right()
    {
        var error = Assert.Throws<CodeEnvException>(() => AccessPolicy.Require(Env(), Settings, new CallerIdentity("carol", new[] { "viewers" }), EnvironmentRight.UpdatePackages, "update"));
        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("'carol' may not update the env 'churn'", error.Message);
        Assert.Contains("needs the UpdatePackages right", error.Message);
        Assert.Contains("only Use", error.Message);
    }

    [Theory]
    [InlineData("alice", "", true)]
    [InlineData("dave", "creators", true)]
    [InlineData("dave", "ops", false)]
    [InlineData("dave", "", false)]
    public void Only_administrators_and_creator_groups_create(string user, string groups, bool mayCreate) =>
        Assert.Equal(mayCreate, AccessPolicy.MayCreate(Settings, new CallerIdentity(user, groups.Split(',', StringSplitOptions.RemoveEmptyEntries))));

    [Trait(TestLayers.Category, TestLayers.Process)]
    [Fact]
    public async Task The_engine_checks_with_the_identity_it_is_given()
    {
        using var root = new TestRoot();
        root.Create("mine");
        var stranger = new CodeEnvEngine(root.Paths.Root, new As("stranger", "nobody"), SystemClock.Instance);

        var error = Assert.Throws<CodeEnvException>(() => stranger.Lifecycle.SetAsync("mine", new EnvironmentSettingsChange { Description = "taken over" }, null, CancellationToken.None).Awaited());

        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        Assert.Equal("", root.Engine.Environments.GetAsync("mine", default).Awaited().Description);
        await Assert.ThrowsAsync<CodeEnvException>(() => stranger.Lifecycle.CreateAsync(new NewEnvironmentRequest { Name = "theirs", PythonVersion = "3.12", NoInstall = true }, null, CancellationToken.None));
    }

    [Trait(TestLayers.Category, TestLayers.Process)]
    [Fact]
    public void A_change_needs_the_right_of_each_field_it_changes_and_only_that()
    {
        using var root = new TestRoot();
        var owner = root.Create("shared").Owner;
        root.Engine.Permissions.GrantAsync("shared", "editors", GroupRight.UpdatePackages, null, CancellationToken.None).Awaited();
        var editor = new CodeEnvEngine(root.Paths.Root, new As("erin", "editors"), SystemClock.Instance);

        // What a pipeline from Get-CodeEnv binds: every value as stored, and one the editor may change.
        var piped = editor.Lifecycle.SetAsync("shared", new EnvironmentSettingsChange { Owner = owner, Description = "", UsableByAll = true, JupyterSupport = true }, null, CancellationToken.None).Awaited();
        Assert.True(piped.JupyterSupport);

        var error = Assert.Throws<CodeEnvException>(() => editor.Lifecycle.SetAsync("shared", new EnvironmentSettingsChange { Description = "mine now" }, null, CancellationToken.None).Awaited());
        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("change description of", error.Message);
        Assert.Equal("", root.Engine.Environments.GetAsync("shared", default).Awaited().Description);
    }

    [Theory]
    [InlineData("requestedPackages", EnvironmentRight.UpdatePackages)]
    [InlineData("jupyterSupport", EnvironmentRight.UpdatePackages)]
    [InlineData("groupPermissions", EnvironmentRight.ManageUsers)]
    [InlineData("owner", EnvironmentRight.Own)]
    [InlineData("containers.mode", EnvironmentRight.Own)]
    [InlineData("python.interpreter", EnvironmentRight.Own)]
    public void Each_field_names_the_right_its_change_needs(string field, EnvironmentRight right) =>
        Assert.Equal(right, DefinitionFields.Of(field).RightToChange);
}
