using CodeEnv.Python;

namespace CodeEnv.Core.Tests;

/// <summary>
/// Which lines of a failed pip run the error and StateDetail quote, on pip's own output (pip 23.2 and 24.0, as the
/// pyenv interpreters here print it; the real runs are in tests/pester/ShellAndErrors.Tests.ps1).
/// </summary>
public class PipFailureCauseTests
{
    private static readonly string[] ProgressOnStdout =
    {
        "Looking in links: /root/wheelhouse",
        "Requirement already satisfied: pip in ./venvs/1/lib/python3.12/site-packages (24.0)",
        "Processing ./wheelhouse/needs-tools-1.0.tar.gz (from -r requirements.txt (line 1))",
        "  Installing build dependencies: started",
        "  Installing build dependencies: finished with status 'error'",
    };

    private static readonly string[] BuildRequirementMissing =
    {
        "  error: subprocess-exited-with-error",
        "  ",
        "  × pip subprocess to install build dependencies did not run successfully.",
        "  │ exit code: 1",
        "  ╰─> [3 lines of output]",
        "      Looking in links: /root/wheelhouse",
        "      ERROR: Could not find a version that satisfies the requirement setuptools>=61 (from versions: none)",
        "      ERROR: No matching distribution found for setuptools>=61",
        "      [end of output]",
        "  ",
        "  note: This error originates from a subprocess, and is likely not a problem with pip.",
        "error: subprocess-exited-with-error",
        "",
        "× pip subprocess to install build dependencies did not run successfully.",
        "│ exit code: 1",
        "╰─> See above for output.",
        "",
        "note: This error originates from a subprocess, and is likely not a problem with pip.",
    };

    private static readonly string[] BuildBackendRaised =
    {
        "  error: subprocess-exited-with-error",
        "  ",
        "  × Getting requirements to build wheel did not run successfully.",
        "  │ exit code: 1",
        "  ╰─> [4 lines of output]",
        "      Traceback (most recent call last):",
        "          exec(code, locals())",
        "        File \"<string>\", line 1, in <module>",
        "      RuntimeError: the build of raises fails on purpose",
        "      [end of output]",
        "  ",
        "  note: This error originates from a subprocess, and is likely not a problem with pip.",
        "error: subprocess-exited-with-error",
    };

    [Fact]
    public void A_missing_build_requirement_is_quoted_with_the_step_that_needed_it_not_pips_progress()
    {
        var cause = PipFailureCause.Lines(new ProcessResult(1, ProgressOnStdout, BuildRequirementMissing));

        Assert.Equal(
            new[]
            {
                "× pip subprocess to install build dependencies did not run successfully.",
                "ERROR: Could not find a version that satisfies the requirement setuptools>=61 (from versions: none)",
                "ERROR: No matching distribution found for setuptools>=61",
            },
            cause);
    }

    [Fact]
    public void A_build_backend_that_printed_no_ERROR_line_is_quoted_by_its_last_words()
    {
        var cause = PipFailureCause.Lines(new ProcessResult(1, ProgressOnStdout, BuildBackendRaised));

        Assert.Equal("× Getting requirements to build wheel did not run successfully.", cause[0]);
        Assert.Equal("RuntimeError: the build of raises fails on purpose", cause[^1]);
        Assert.DoesNotContain(cause, l => l.StartsWith("Requirement already satisfied", StringComparison.Ordinal));
    }

    [Fact]
    public void Pips_own_error_lines_are_quoted_alone()
    {
        var cause = PipFailureCause.Lines(new ProcessResult(1, ProgressOnStdout, new[]
        {
            "ERROR: Could not find a version that satisfies the requirement nosuchpackage==9.9 (from versions: none)",
            "ERROR: No matching distribution found for nosuchpackage==9.9",
        }));

        Assert.Equal(2, cause.Count);
        Assert.All(cause, l => Assert.StartsWith("ERROR:", l));
    }

    [Fact]
    public void Output_without_any_of_pips_error_shapes_is_quoted_by_its_last_lines_of_stderr()
    {
        var stderr = new[] { "one", "two", "three", "four", "five", "Error: Command '[...ensurepip...]' returned non-zero exit status 1." };

        var cause = PipFailureCause.Lines(new ProcessResult(1, ProgressOnStdout, stderr));

        Assert.Equal(stderr.Skip(1), cause);
    }

    [Fact]
    public void A_missing_build_requirement_on_a_root_without_an_index_gets_the_hint_to_publish_setuptools_and_wheel()
    {
        var cause = PipFailureCause.Lines(new ProcessResult(1, ProgressOnStdout, BuildRequirementMissing));

        var hint = PipFailureCause.Hint(cause, new PackageSources { NoIndex = true });

        Assert.NotNull(hint);
        Assert.Contains("setuptools>=61", hint);
        Assert.Contains("-NoIndex", hint);
        Assert.Contains("publish setuptools and wheel wheels", hint);
        Assert.Contains("Publish-CodeEnvPackage", hint);
    }

    [Fact]
    public void A_missing_build_requirement_on_a_root_with_an_index_gets_the_hint_to_publish_it_or_name_an_index()
    {
        var cause = PipFailureCause.Lines(new ProcessResult(1, ProgressOnStdout, BuildRequirementMissing));

        var hint = PipFailureCause.Hint(cause, new PackageSources { IndexUrl = "https://pypi.internal/simple" });

        Assert.NotNull(hint);
        Assert.Contains("Publish-CodeEnvPackage", hint);
        Assert.Contains("Set-CodeEnvRoot -IndexUrl", hint);
    }

    [Fact]
    public void A_missing_package_that_is_no_build_requirement_gets_no_hint()
    {
        var cause = new[] { "ERROR: No matching distribution found for nosuchpackage==9.9" };

        Assert.Null(PipFailureCause.Hint(cause, new PackageSources { NoIndex = true }));
    }
}
