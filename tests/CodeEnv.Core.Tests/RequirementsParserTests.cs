using CodeEnv.Packages;
using CodeEnv.Errors;
using CodeEnv.Requirements;

namespace CodeEnv.Core.Tests;

public class RequirementsParserTests
{
    private static Requirement One(string line, bool admin = false)
    {
        var parsed = RequirementsParser.TryParse(new[] { line }, RequirementOptionPolicy.For(admin), out var problems);
        Assert.True(problems.Count == 0, string.Join("; ", problems));
        return Assert.Single(parsed);
    }

    private static RequirementProblem Refused(string text, bool admin = false)
    {
        RequirementsParser.TryParse(new[] { text }, RequirementOptionPolicy.For(admin), out var problems);
        Assert.True(problems.Count == 1, $"'{text}' should be refused once, got: {string.Join("; ", problems)}");
        return problems[0];
    }

    [Theory]
    [InlineData("tabulate", "tabulate", "tabulate", "")]
    [InlineData("sklearn==0.18.2", "sklearn", "sklearn", "==0.18.2")]
    [InlineData("sklearn>0.19", "sklearn", "sklearn", ">0.19")]
    [InlineData("Scikit_Learn ~= 1.4", "Scikit_Learn", "scikit-learn", "~=1.4")]
    [InlineData("requests!=2.0,>=1.0", "requests", "requests", "!=2.0,>=1.0")]
    [InlineData("numpy===1.26.0", "numpy", "numpy", "===1.26.0")]
    [InlineData("pandas==1.*", "pandas", "pandas", "==1.*")]
    [InlineData("zope.interface (>=5.0)", "zope.interface", "zope-interface", ">=5.0")]
    [InlineData("A", "A", "a", "")]
    public void Parses_names_and_version_specifiers(string line, string name, string normalized, string specifier)
    {
        var requirement = One(line);
        Assert.Equal(name, requirement.Name);
        Assert.Equal(normalized, requirement.NormalizedName);
        Assert.Equal(specifier, requirement.Specifier.ToString());
    }

    [Fact]
    public void Parses_extras()
    {
        var requirement = One("requests[security, socks]>=2.0");
        Assert.Equal(new[] { "security", "socks" }, requirement.Extras);
        Assert.Equal(">=2.0", requirement.Specifier.ToString());
    }

    [Theory]
    [InlineData("pkg @ https://example.org/pkg-1.0.tar.gz", "pkg", "https://example.org/pkg-1.0.tar.gz")]
    [InlineData("pkg @ file:///srv/wheels/pkg-1.0-py3-none-any.whl", "pkg", "file:///srv/wheels/pkg-1.0-py3-none-any.whl")]
    [InlineData("./dist/my_pkg-2.1.tar.gz", "my_pkg", "./dist/my_pkg-2.1.tar.gz")]
    [InlineData("/srv/wheels/tool-3.0-py3-none-any.whl", "tool", "/srv/wheels/tool-3.0-py3-none-any.whl")]
    [InlineData("https://example.org/archive/lib-0.9.zip", "lib", "https://example.org/archive/lib-0.9.zip")]
    [InlineData("https://example.org/x.tar.gz#egg=named", "named", "https://example.org/x.tar.gz#egg=named")]
    public void Parses_direct_references_local_paths_and_archive_urls(string line, string name, string url)
    {
        var requirement = One(line);
        Assert.Equal(name, requirement.Name);
        Assert.Equal(url, requirement.Url);
    }

    [Fact]
    public void A_marker_after_a_url_needs_white_space_before_the_semicolon()
    {
        var requirement = One("pkg @ https://example.org/pkg-1.0.tar.gz ; python_version < \"3.9\"");
        Assert.Equal("https://example.org/pkg-1.0.tar.gz", requirement.Url);
        Assert.Equal("python_version < \"3.9\"", requirement.Marker!.Text);
    }

    [Fact]
    public void Parses_markers_comments_blank_lines_continuations_and_hashes()
    {
        var parsed = RequirementsParser.TryParse(new[]
        {
            "# the analytics stack",
            "",
            "numpy>=1.20 ; python_version >= \"3.8\"  # comment after a requirement",
            "pandas \\",
            "  ==2.1.0 \\",
            "  --hash=sha256:0123456789abcdef",
            "   ",
        }, RequirementOptionPolicy.For(false), out var problems);
        Assert.Empty(problems);
        Assert.Equal(2, parsed.Count);
        Assert.Equal(3, parsed[0].LineNumber);
        Assert.Equal("python_version >= \"3.8\"", parsed[0].Marker!.Text);
        Assert.Equal(4, parsed[1].LineNumber);
        Assert.Equal("==2.1.0", parsed[1].Specifier.ToString());
        Assert.Equal(new[] { "--hash=sha256:0123456789abcdef" }, parsed[1].Options);
    }

    [Theory]
    [InlineData("-i https://mirror.example/simple", "-i")]
    [InlineData("--index-url https://mirror.example/simple", "--index-url")]
    [InlineData("--index-url=https://mirror.example/simple", "--index-url")]
    [InlineData("--extra-index-url https://evil.example/simple", "--extra-index-url")]
    [InlineData("-f /tmp/wheels", "-f")]
    [InlineData("--find-links https://evil.example/", "--find-links")]
    [InlineData("--trusted-host evil.example", "--trusted-host")]
    [InlineData("--no-index", "--no-index")]
    [InlineData("-r other.txt", "-r")]
    [InlineData("--requirement other.txt", "--requirement")]
    [InlineData("-c constraints.txt", "-c")]
    [InlineData("--constraint constraints.txt", "--constraint")]
    [InlineData("-e git+https://example.org/repo.git#egg=x", "-e")]
    [InlineData("--editable ./src", "--editable")]
    [InlineData("--global-option=--with-openssl", "--global-option")]
    [InlineData("--install-option=--prefix=/tmp", "--install-option")]
    [InlineData("--config-settings=key=value", "--config-settings")]
    public void Options_that_change_sources_include_files_or_run_build_hooks_are_refused_for_non_administrators(string line, string option)
    {
        var problem = Refused(line);
        Assert.Contains($"'{option}' is reserved for administrators", problem.Reason);
        One(line, admin: true);
    }

    [Theory]
    [InlineData("pkg==${VERSION}")]
    [InlineData("pkg @ https://${TOKEN}@example.org/pkg-1.0.tar.gz")]
    public void Variable_expansion_is_refused_for_non_administrators(string line) =>
        Assert.Contains("${VARIABLE}", Refused(line).Reason);

    [Fact]
    public void A_build_hook_after_a_requirement_is_refused_for_non_administrators() =>
        Assert.Contains("reserved for administrators", Refused("pkg==1.0 --global-option=--fast").Reason);

    [Theory]
    [InlineData("--pre")]
    [InlineData("--prefer-binary")]
    [InlineData("--only-binary :all:")]
    public void Harmless_options_are_allowed_for_everyone(string line) => Assert.True(One(line).IsOptionLine);

    [Theory]
    [InlineData("pkg==", "no version after")]
    [InlineData("pkg; python_version <<< \"3\"", "is not valid")]
    [InlineData("pkg>=1.0.*", "not a valid version")]
    [InlineData("pkg~=1", "at least two release numbers")]
    [InlineData("pkg==1.0+local.*", "not a valid version")]
    [InlineData("pkg=1.0", "does not start with a version operator")]
    [InlineData("-pkg", "not an option allowed")]
    [InlineData("--frobnicate", "not an option allowed")]
    [InlineData("pkg; python_version <", "is not valid")]
    [InlineData("pkg; pyver < \"3\"", "is not a marker variable")]
    [InlineData("pkg; python_version \"3\"", "comparison operator is missing")]
    [InlineData("pkg @ not a url", "is not a URL")]
    [InlineData("pkg==1.0 --hash=sha256:xyz", "is not a hash")]
    [InlineData("pkg==1.0 --no-deps", "not an option allowed")]
    [InlineData("https://example.org/download?id=5", "cannot be told")]
    [InlineData("_bad", "does not start with a package name")]
    [InlineData("pkg[bad extra]", "is not a valid extra name")]
    [InlineData("pk\0g", "U+0000")]
    [InlineData("pkg\u001b[31m", "U+001B")]
    [InlineData("pkg==1.0\uFFFD", "not valid UTF-8")]
    public void A_bad_line_is_refused_with_the_reason(string line, string reason) =>
        Assert.Contains(reason, Refused(line).Reason);

    [Fact]
    public void A_line_of_a_megabyte_is_refused_with_the_limit() =>
        Assert.Contains("limit is 8192", Refused(new string('a', 1_000_000)).Reason);

    [Fact]
    public void Parse_reports_every_bad_line_with_its_number_as_one_invalid_argument_error()
    {
        var error = Assert.Throws<CodeEnvException>(() => RequirementsParser.Parse(new[] { "good", "bad_=", "also good", "-i http://x" }, RequirementOptionPolicy.For(false)));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("RequirementInvalid", error.ErrorId);
        Assert.Contains("line 2: 'bad_='", error.Message);
        Assert.Contains("line 4: '-i http://x'", error.Message);
        Assert.DoesNotContain("line 1", error.Message);
    }

    [Theory]
    [InlineData("Scikit_Learn", "scikit-learn")]
    [InlineData("zope.interface", "zope-interface")]
    [InlineData("My__Weird...Name", "my-weird-name")]
    [InlineData("PyYAML", "pyyaml")]
    public void Names_normalize_as_pip_compares_them(string name, string normalized) =>
        Assert.Equal(normalized, PackageName.Normalize(name));
}

public class DefaultPackageSetTests
{
    [Fact]
    public void Every_default_package_set_line_is_a_valid_requirement_for_any_user()
    {
        foreach (var (name, lines) in DefaultPackageSets.Create())
        {
            var parsed = RequirementsParser.TryParse(lines, RequirementOptionPolicy.For(false), out var problems);
            Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}");
            Assert.Equal(lines.Count, parsed.Count);
        }
    }
}

public class RequirementOptionPolicyTests
{
    [Theory]
    [InlineData("--pre --find-links /evil", "'--find-links' is reserved")]
    [InlineData("--pre --find /evil", "'--find' (pip reads it as '--find-links') is reserved")]
    [InlineData("--pre -rf /etc/shadow", "'-r' is reserved")]
    [InlineData("--pre --re x", "is ambiguous: pip could read it as --requirement or --require-hashes")]
    [InlineData("--pre 'unclosed", "quote is not closed")]
    [InlineData("--only-binary 'a b'", "not 'a b'")]
    [InlineData("--no-binary", "needs a value")]
    [InlineData("--pre=yes", "takes no value")]
    [InlineData("--hash=sha256:00ff", "belongs after the requirement")]
    public void A_non_administrator_gets_the_reason_for_the_option_pip_would_read(string line, string reason)
    {
        RequirementsParser.TryParse(new[] { line }, RequirementOptionPolicy.For(false), out var problems);
        Assert.Contains(reason, Assert.Single(problems).Reason);
    }

    [Theory]
    [InlineData("--pre")]
    [InlineData("--pre --prefer-binary --require-hashes")]
    [InlineData("--only-binary=:all: --no-binary numpy,scipy")]
    [InlineData("alpha==1.0 --hash=sha256:00ff --hash sha256:11ee")]
    public void A_non_administrator_may_write_the_options_that_only_choose_among_releases(string line)
    {
        RequirementsParser.TryParse(new[] { line }, RequirementOptionPolicy.For(false), out var problems);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("--pre --find-links /srv/wheels")]
    [InlineData("-r /srv/shared/requirements.txt")]
    [InlineData("alpha --config-settings key=value")]
    public void An_administrator_may_write_the_reserved_options(string line)
    {
        RequirementsParser.TryParse(new[] { line }, AnyRequirementLine.Instance, out var problems);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("pandas>=2", RequirementLineKind.Requirement)]
    [InlineData("--pre", RequirementLineKind.Option)]
    [InlineData("-r other.txt", RequirementLineKind.Include)]
    [InlineData("--constraint other.txt", RequirementLineKind.Include)]
    public void Each_line_is_kept_typed_as_a_requirement_an_option_or_an_include(string line, RequirementLineKind kind) =>
        Assert.Equal(kind, RequirementsParser.Parse(new[] { line }, AnyRequirementLine.Instance).Single().Kind);

    [Fact]
    public void A_version_specifier_holds_its_operator_and_version_parsed()
    {
        var specifier = RequirementsParser.Parse(new[] { "numpy~=1.26.4" }, AnyRequirementLine.Instance).Single().Specifier.Specifiers.Single();
        Assert.Equal(VersionComparison.Compatible, specifier.Comparison);
        Assert.Equal(PackageVersion.Parse("1.26.4"), specifier.ParsedVersion);
        Assert.Null(VersionSpecifier.Parse("===foo").ParsedVersion);
        Assert.True(VersionSpecifier.Parse("==1.4.*").IsPrefixMatch);
    }

    [Fact]
    public void The_parser_asks_the_policy_it_is_given_and_owns_none()
    {
        var refused = RequirementsParser.TryParse(new[] { "alpha --hash=sha256:00", "--pre" }, new RefuseEverything(), out var problems);
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Contains("refused by the test policy", p.ToString()));
    }

    private sealed class RefuseEverything : IRequirementLinePolicy
    {
        public string? RefuseVariables() => "refused by the test policy";

        public string? Refuse(PipOption option, string named) => named + " refused by the test policy";
    }
}
