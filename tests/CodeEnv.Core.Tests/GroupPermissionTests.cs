using CodeEnv.Security;

namespace CodeEnv.Core.Tests;

/// <summary>A group entry's level is read and written by GroupPermission alone.</summary>
public class GroupPermissionTests
{
    [Theory]
    [InlineData(false, false, false, EnvironmentRight.None)]
    [InlineData(true, false, false, EnvironmentRight.Use)]
    [InlineData(true, true, false, EnvironmentRight.UpdatePackages)]
    [InlineData(false, true, false, EnvironmentRight.UpdatePackages)]
    [InlineData(false, false, true, EnvironmentRight.ManageUsers)]
    public void The_highest_flag_is_the_right_and_implies_the_ones_below(bool use, bool updatePackages, bool manageUsers, EnvironmentRight expected)
    {
        var entry = new GroupPermission { Group = "g", Use = use, UpdatePackages = updatePackages, ManageUsers = manageUsers };
        Assert.Equal(expected, entry.Right());
    }

    [Theory]
    [InlineData(EnvironmentRight.None)]
    [InlineData(EnvironmentRight.Use)]
    [InlineData(EnvironmentRight.UpdatePackages)]
    [InlineData(EnvironmentRight.ManageUsers)]
    public void A_right_set_reads_back_the_same(EnvironmentRight right)
    {
        var entry = new GroupPermission { Group = "g", ManageUsers = true };
        entry.SetRight(right);
        Assert.Equal(right, entry.Right());
    }

    [Fact]
    public void An_entry_with_no_flag_is_neither_shown_as_a_grant_nor_a_right()
    {
        var definition = new EnvironmentDefinition { Name = "e", Owner = "owner", UsableByAll = false };
        definition.GroupPermissions.Add(new GroupPermission { Group = "empty" });
        definition.GroupPermissions.Add(new GroupPermission { Group = "users", Use = true });
        var caller = new CallerIdentity("someone", new[] { "empty" });

        Assert.Equal(EnvironmentRight.None, AccessPolicy.RightsOn(definition, new RootSettingsDocument(), caller));
        Assert.Equal(new[] { "users" }, definition.GroupPermissions.Where(GroupGrant.GivesRight).Select(g => g.Group));
    }
}
