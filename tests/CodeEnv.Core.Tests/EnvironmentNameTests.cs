using CodeEnv.Errors;

namespace CodeEnv.Core.Tests;

public class EnvironmentNameTests
{
    [Theory]
    [InlineData("sales")]
    [InlineData("Sales-Forecast-2024")]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("CONSOLE")]
    [InlineData("x-")]
    public void Accepts_letters_digits_and_hyphens(string name) => Assert.Null(EnvironmentName.Problem(name));

    [Fact]
    public void Accepts_exactly_64_characters() => Assert.Null(EnvironmentName.Problem(new string('a', 64)));

    [Theory]
    [InlineData("bad_name", "character 4")]
    [InlineData("a b", "U+0020")]
    [InlineData("../x", "character 1")]
    [InlineData("a/b", "'/'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("", "cannot be empty")]
    [InlineData("café", "U+00E9")]
    [InlineData("ѕales", "U+0455")]
    [InlineData("a\0b", "U+0000")]
    [InlineData("tab\there", "U+0009")]
    [InlineData("CON", "device name")]
    [InlineData("con", "device name")]
    [InlineData("Lpt1", "device name")]
    [InlineData("-rf", "starts with '-'")]
    public void Refuses_a_name_and_says_why(string name, string reason)
    {
        var problem = EnvironmentName.Problem(name);
        Assert.NotNull(problem);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void Refuses_65_characters_and_states_the_limit()
    {
        var problem = EnvironmentName.Problem(new string('a', 65));
        Assert.Contains("65 characters", problem);
        Assert.Contains("64", problem);
    }

    [Fact]
    public void Validation_error_is_invalid_argument_with_a_stable_id()
    {
        var error = Assert.Throws<CodeEnvException>(() => EnvironmentName.Validate("bad_name"));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("CodeEnvNameInvalid", error.ErrorId);
        Assert.Equal("bad_name", error.Target);
    }

    [Fact]
    public void A_10000_character_name_is_cut_in_the_message()
    {
        var error = Assert.Throws<CodeEnvException>(() => EnvironmentName.Validate(new string('x', 10_000)));
        Assert.True(error.Message.Length < 400, error.Message);
    }
}
