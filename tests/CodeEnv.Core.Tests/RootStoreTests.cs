using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.Store;
using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Core.Tests;

public class RootStoreTests
{
    [Fact]
    public void Initialize_lays_out_the_root_and_makes_the_caller_administrator()
    {
        using var folder = new TempFolder();
        var settings = RootStore.Initialize(folder.Combine("r"), null, TestRoot.Identity.Current(), SystemClock.Instance);
        Assert.Equal(new[] { System.Environment.UserName }, settings.Administrators);
        foreach (var sub in new[] { "envs", "wheelhouse", "cache", "state" })
        {
            Assert.True(Directory.Exists(folder.Combine("r", sub)), sub);
        }

        var json = JObject.Parse(File.ReadAllText(folder.Combine("r", "codeenv.json")));
        Assert.Equal(DocumentSchemas.Settings.Current, json.Value<int>("schemaVersion"));
        Assert.Contains("Visual Machine Learning", json["packageSets"]!.ToObject<Dictionary<string, string[]>>()!.Keys);
    }

    [Fact]
    public void Initialize_keeps_the_named_administrators()
    {
        using var folder = new TempFolder();
        var settings = RootStore.Initialize(folder.Combine("r"), new[] { "alice", "data-admins" }, TestRoot.Identity.Current(), SystemClock.Instance);
        Assert.Equal(new[] { "alice", "data-admins" }, settings.Administrators);
    }

    [Fact]
    public void Initialize_refuses_an_existing_root()
    {
        using var root = new TestRoot();
        var error = Assert.Throws<CodeEnvException>(() => RootStore.Initialize(root.Paths.Root, null, TestRoot.Identity.Current(), SystemClock.Instance));
        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
        Assert.Equal("CodeEnvRootExists", error.ErrorId);
    }

    [Fact]
    public void Initialize_refuses_a_non_empty_folder_and_leaves_it_alone()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("notes.txt"), "mine");
        var error = Assert.Throws<CodeEnvException>(() => RootStore.Initialize(folder.Path, null, TestRoot.Identity.Current(), SystemClock.Instance));
        Assert.Equal("CodeEnvRootFolderNotEmpty", error.ErrorId);
        Assert.Equal(new[] { "notes.txt" }, Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_newer_schema_version_is_refused_and_the_file_left_as_it_is()
    {
        using var root = new TestRoot();
        var text = File.ReadAllText(root.Paths.SettingsFile).Replace($"\"schemaVersion\": {DocumentSchemas.Settings.Current}", "\"schemaVersion\": 99");
        File.WriteAllText(root.Paths.SettingsFile, text);
        var error = Assert.Throws<CodeEnvException>(() => RootStore.Read(root.Paths));
        Assert.Equal("RootSettingsFileSchemaTooNew", error.ErrorId);
        Assert.Contains("99", error.Message);
        Assert.Equal(text, File.ReadAllText(root.Paths.SettingsFile));
    }

    [Theory]
    [InlineData("{ \"schemaVersion\": 1, \"administrators\": ")]
    [InlineData("")]
    [InlineData("{ \"administrators\": [] }")]
    [InlineData("{ \"schemaVersion\": 1, \"administrators\": 5 }")]
    [InlineData("{ \"schemaVersion\": \"one\" }")]
    public void A_damaged_settings_file_is_an_error_naming_the_file(string content)
    {
        using var root = new TestRoot();
        File.WriteAllText(root.Paths.SettingsFile, content);
        var error = Assert.Throws<CodeEnvException>(() => RootStore.Read(root.Paths));
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Contains(root.Paths.SettingsFile, error.Message);
    }

    [Fact]
    public void Update_bumps_the_revision()
    {
        using var root = new TestRoot();
        var updated = RootStore.Update(root.Paths, s => s.BasePackages.Add("tabulate"), TestRoot.Identity.Current(), SystemClock.Instance, TimeSpan.FromSeconds(1));
        Assert.Equal(2, updated.Revision);
        Assert.Equal(new[] { "tabulate" }, RootStore.Read(root.Paths).BasePackages);
    }
}
