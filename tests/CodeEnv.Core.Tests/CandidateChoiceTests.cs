using CodeEnv.Requirements;
using CodeEnv.Resolution;

namespace CodeEnv.Core.Tests;

/// <summary>Which of a project's files pip would try, best first, for fixed lists of candidates: no process, no file.</summary>
public class CandidateChoiceTests
{
    private static readonly SupportedTags Tags = new(new[] { "cp312-cp312-manylinux_2_17_x86_64", "cp312-abi3-manylinux_2_17_x86_64", "py3-none-manylinux_2_17_x86_64", "cp312-none-any", "py3-none-any", "py2.py3-none-any" });

    [Fact]
    public void The_highest_final_release_comes_first()
    {
        Assert.Equal(new[] { "2.0", "1.5", "1.0" }, Versions(Order("", Wheel("1.0"), Wheel("2.0"), Wheel("1.5"), Wheel("3.0b1"))));
    }

    [Fact]
    public void With_no_specifier_pre_releases_count_only_when_there_is_no_final_release()
    {
        Assert.Equal(new[] { "2.0b2", "2.0a1" }, Versions(Order("", Wheel("2.0a1"), Wheel("2.0b2"))));
    }

    [Fact]
    public void A_specifier_that_names_no_pre_release_keeps_pre_releases_out_even_when_nothing_else_matches()
    {
        Assert.Empty(Order(">=1.0", Wheel("2.0b1"), Wheel("2.0rc1")));
        Assert.Empty(Order(">1.0a1", Wheel("2.0b1")));
    }

    [Theory]
    [InlineData(">=2.0b1")]
    [InlineData("==2.0rc1")]
    [InlineData("~=2.0b1")]
    [InlineData("<=2.0rc1")]
    public void A_specifier_that_names_a_pre_release_with_an_inclusive_operator_lets_them_all_in(string specifier)
    {
        Assert.Contains("2.0rc1", Versions(Order(specifier, Wheel("1.0"), Wheel("2.0rc1"))));
    }

    [Fact]
    public void A_yanked_file_is_passed_over()
    {
        Assert.Equal(new[] { "1.0" }, Versions(Order(">=1.0", Wheel("1.0"), Wheel("2.0", yanked: "broken"))));
    }

    [Fact]
    public void A_yanked_file_counts_when_a_pin_leaves_nothing_else()
    {
        Assert.Equal(new[] { "2.0" }, Versions(Order("==2.0", Wheel("1.0"), Wheel("2.0", yanked: ""))));
        Assert.Empty(Order("==2.*", Wheel("2.0", yanked: "")));
        Assert.Empty(Order(">=2.0", Wheel("2.0", yanked: "")));
    }

    [Fact]
    public void Among_the_files_of_one_version_the_best_tag_wins_and_any_wheel_beats_the_sdist()
    {
        var order = Order("", Sdist("1.0"), Wheel("1.0", "py3-none-any"), Wheel("1.0", "cp312-cp312-manylinux_2_17_x86_64"), Wheel("1.0", "cp312-abi3-manylinux_2_17_x86_64"));

        Assert.Equal(new[] { "pkg-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", "pkg-1.0-cp312-abi3-manylinux_2_17_x86_64.whl", "pkg-1.0-py3-none-any.whl", "pkg-1.0.tar.gz" }, order.Select(f => f.FileName));
    }

    [Fact]
    public void A_higher_version_beats_a_better_tag()
    {
        Assert.Equal("pkg-2.0.tar.gz", Order("", Wheel("1.0", "cp312-cp312-manylinux_2_17_x86_64"), Sdist("2.0"))[0].FileName);
    }

    [Fact]
    public void A_wheel_with_a_build_tag_beats_the_same_wheel_without_and_a_higher_build_beats_a_lower()
    {
        var order = Order("", Wheel("1.0"), Wheel("1.0", build: "2"), Wheel("1.0", build: "10"));

        Assert.Equal(new[] { "pkg-1.0-10-py3-none-any.whl", "pkg-1.0-2-py3-none-any.whl", "pkg-1.0-py3-none-any.whl" }, order.Select(f => f.FileName));
    }

    [Fact]
    public void Among_files_pip_ranks_alike_the_one_found_last_comes_first()
    {
        var order = Order("", Wheel("1.0", url: "https://a.example/pkg-1.0-py3-none-any.whl"), Wheel("1.0", url: "https://b.example/pkg-1.0-py3-none-any.whl"));

        Assert.Equal("https://b.example/pkg-1.0-py3-none-any.whl", order[0].Url);
    }

    [Fact]
    public void A_wheel_ranks_by_its_best_tag()
    {
        Assert.Equal(4, Tags.RankOf(new[] { "py2-none-any", "py3-none-any" }));
        Assert.Null(Tags.RankOf(new[] { "cp311-cp311-win_amd64" }));
    }

    private static IReadOnlyList<CandidateFile> Order(string specifier, params CandidateFile[] files) =>
        CandidateChoice.Order(files, SpecifierSet.Parse(specifier).Specifiers);

    private static IEnumerable<string> Versions(IEnumerable<CandidateFile> files) => files.Select(f => f.Version.ToString());

    private static CandidateFile Wheel(string version, string tag = "py3-none-any", string? yanked = null, string? build = null, string? url = null)
    {
        var fileName = $"pkg-{version}{(build == null ? "" : "-" + build)}-{tag}.whl";
        CandidateWheelName.TryParse(fileName, out var wheel);
        return new CandidateFile("pkg", PackageVersion.Parse(version), fileName, url ?? "https://files.example/" + fileName, null, wheel, Tags.RankOf(wheel!.Tags), null, null, yanked, false, null);
    }

    private static CandidateFile Sdist(string version) =>
        new("pkg", PackageVersion.Parse(version), $"pkg-{version}.tar.gz", $"https://files.example/pkg-{version}.tar.gz", null, null, null, null, null, null, false, null);
}
