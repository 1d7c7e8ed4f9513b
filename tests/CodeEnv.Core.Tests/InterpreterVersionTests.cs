namespace CodeEnv.Core.Tests;

/// <summary>Python versions as cmdlets emit them: ordered as versions, equal and printed as the text Python reports.</summary>
public class InterpreterVersionTests
{
    private static InterpreterVersion V(string text) => InterpreterVersion.Parse(text);

    [Fact]
    public void Versions_order_by_their_numbers_not_their_text()
    {
        var sorted = new[] { "3.13.0", "3.9.18", "3.10.13", "2.7.18", "3.11.7", "3.11.2" }.Select(V).OrderBy(v => v).Select(v => v.ToString());

        Assert.Equal(new[] { "2.7.18", "3.9.18", "3.10.13", "3.11.2", "3.11.7", "3.13.0" }, sorted);
    }

    [Fact]
    public void Alphas_betas_and_candidates_come_before_their_release_and_a_build_past_a_tag_after_it()
    {
        var sorted = new[] { "3.14.0", "3.14.0rc1", "3.14.0a1+", "3.14.0b2", "3.14.0a2", "3.14.0a1", "3.13.9" }.Select(V).OrderBy(v => v).Select(v => v.ToString());

        Assert.Equal(new[] { "3.13.9", "3.14.0a1", "3.14.0a1+", "3.14.0a2", "3.14.0b2", "3.14.0rc1", "3.14.0" }, sorted);
    }

    [Theory]
    [InlineData("3.11.7", 3, 11, 7, "final", 0)]
    [InlineData("3.14.0a1", 3, 14, 0, "alpha", 1)]
    [InlineData("3.13.0rc2", 3, 13, 0, "candidate", 2)]
    [InlineData("3.11.7.final.0", 3, 11, 7, "final", 0)]
    [InlineData("3.12", 3, 12, 0, "final", 0)]
    public void Parts_are_named_as_sys_version_info_names_them(string text, int major, int minor, int micro, string level, int serial)
    {
        var version = V(text);

        Assert.Equal((major, minor, micro, level, serial), (version.Major, version.Minor, version.Micro, version.ReleaseLevel, version.Serial));
        Assert.Equal(text, version.ToString());
    }

    [Fact]
    public void Equality_is_the_texts_and_a_string_compares_as_the_version_it_names()
    {
        Assert.Equal(V("3.11.7"), V("3.11.7"));
        Assert.NotEqual(V("3.11"), V("3.11.0"));
        Assert.True(V("3.10.13").CompareTo((object)"3.9.18") > 0);
        Assert.Equal(0, V("3.10.13").CompareTo((object)"3.10.13"));
    }

    [Fact]
    public void A_text_that_is_not_a_version_keeps_its_text_and_sorts_first()
    {
        var odd = V("unknown");

        Assert.Equal("unknown", odd.ToString());
        Assert.True(odd.CompareTo(V("2.7.18")) < 0);
    }
}
