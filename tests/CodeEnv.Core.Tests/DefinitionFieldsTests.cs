using CodeEnv.Store;
using Newtonsoft.Json.Serialization;

namespace CodeEnv.Core.Tests;

/// <summary>The table of definition fields covers exactly what a revision of a definition can change.</summary>
public class DefinitionFieldsTests
{
    private static IEnumerable<string> ReportableFields()
    {
        var contract = (JsonObjectContract)Json.Settings.ContractResolver!.ResolveContract(typeof(EnvironmentDefinition));
        return contract.Properties.Where(p => !p.Ignored && p.Readable).Select(p => p.PropertyName!).Where(n => !DefinitionDiff.IsBookkeeping(n));
    }

    [Fact]
    public void Every_field_DefinitionDiff_can_report_has_an_entry()
    {
        Assert.Equal(Array.Empty<string>(), ReportableFields().Where(name => !DefinitionFields.Contains(name)));
    }

    [Fact]
    public void Every_entry_is_a_field_of_the_definition()
    {
        Assert.Equal(Array.Empty<string>(), DefinitionFields.All.Select(f => f.Name).Except(ReportableFields()));
    }

    [Fact]
    public void A_whole_new_definition_reports_only_fields_of_the_table()
    {
        var definition = new EnvironmentDefinition
        {
            Name = "e", Description = "d", Owner = "o", RegisteredVenv = "/v", CreatedBy = "c", CreatedAt = DateTimeOffset.UnixEpoch,
            GroupPermissions = { new GroupPermission { Group = "g", Use = true } }, RequestedPackages = { "x" }, PackageSets = { "s" }, JupyterSupport = true,
        };

        var changes = DefinitionDiff.Between<EnvironmentDefinition>(null, definition);

        Assert.NotEmpty(changes);
        Assert.All(changes, change => DefinitionFields.Of(change.Field));
    }

    [Fact]
    public void A_field_outside_the_table_is_an_error_not_a_default_right()
    {
        Assert.Throws<InvalidOperationException>(() => DefinitionFields.Of("somethingNew"));
    }

    [Theory]
    [InlineData("python.version", true, false)]
    [InlineData("packageSets", true, false)]
    [InlineData("owner", false, true)]
    [InlineData("groupPermissions", false, true)]
    [InlineData("containers.configs", false, false)]
    public void Each_field_says_what_depends_on_it(string field, bool installedSet, bool whoMayUse)
    {
        Assert.Equal(installedSet, DefinitionFields.Of(field).InstalledSetDependsOn);
        Assert.Equal(whoMayUse, DefinitionFields.Of(field).WhoMayUseDependsOn);
    }
}
