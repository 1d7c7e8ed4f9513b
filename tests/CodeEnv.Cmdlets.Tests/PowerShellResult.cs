using System.Management.Automation;

namespace CodeEnv.Cmdlets.Tests;

public sealed record PowerShellResult(
    IReadOnlyList<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Verbose,
    IReadOnlyList<ProgressRecord> Progress,
    RuntimeException? Terminating)
{
    /// <summary>Every error, non-terminating or terminating.</summary>
    public IReadOnlyList<ErrorRecord> AllErrors =>
        Terminating == null ? Errors : Errors.Append(Terminating.ErrorRecord).ToList();

    public PowerShellResult AssertSuccess()
    {
        Assert.True(AllErrors.Count == 0, "Unexpected errors: " + string.Join(" | ", AllErrors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
        return this;
    }

    /// <summary>The one object written, checked to be of the PowerShell type <paramref name="typeName"/>.</summary>
    public PSObject Single(string typeName)
    {
        AssertSuccess();
        var only = Assert.Single(Output);
        Assert.Equal(typeName, only.TypeNames[0]);
        return only;
    }

    /// <summary>Asserts exactly one error with this id (the part before the comma) and category, and returns it.</summary>
    public ErrorRecord AssertError(string errorId, ErrorCategory category)
    {
        var error = Assert.Single(AllErrors);
        Assert.Equal(errorId, error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(category, error.CategoryInfo.Category);
        return error;
    }
}
