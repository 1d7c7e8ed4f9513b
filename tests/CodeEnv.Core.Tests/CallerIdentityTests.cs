using CodeEnv.TestSupport;
using System.Diagnostics;
using CodeEnv.Security;

namespace CodeEnv.Core.Tests;

[Trait(TestLayers.Category, TestLayers.Process)]
public class CallerIdentityTests
{
    private static string Id(string option)
    {
        using var id = Process.Start(new ProcessStartInfo("id", option) { RedirectStandardOutput = true })!;
        var text = id.StandardOutput.ReadToEnd().Trim();
        id.WaitForExit();
        return text;
    }

    [Fact]
    public void The_caller_is_the_OS_user_with_the_groups_id_reports()
    {
        var caller = OsIdentityProvider.Instance.Current();
        Assert.Equal(Id("-un"), caller.UserName);
        Assert.Equal(Id("-Gn").Split(' ').OrderBy(g => g), caller.Groups.OrderBy(g => g));
    }
}
