using System.Reflection;
using CodeEnv.Errors;

namespace CodeEnv.Core.Tests;

/// <summary>Each error id is declared once, with one kind.</summary>
public class ErrorIdsTests
{
    private static readonly IReadOnlyList<(string Field, ErrorId Error)> Declared = typeof(ErrorIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ErrorId))
        .Select(f => (f.Name, (ErrorId)f.GetValue(null)!))
        .ToList();

    [Fact]
    public void No_two_constants_share_an_id_in_any_case()
    {
        // PowerShell compares a FullyQualifiedErrorId without regard to case, so ids that differ only in case are one id.
        var shared = Declared.GroupBy(d => d.Error.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Equal(Array.Empty<string>(), shared);
    }

    [Fact]
    public void Each_constant_is_named_as_its_id()
    {
        Assert.NotEmpty(Declared);
        Assert.All(Declared, d => Assert.Equal(d.Field, d.Error.Id));
    }

    [Fact]
    public void An_exception_of_an_id_carries_its_kind()
    {
        var error = new CodeEnvException(ErrorIds.EnvironmentNeverUpdated, "m", "env");
        Assert.Equal(("EnvironmentNeverUpdated", ErrorKind.InvalidOperation), (error.ErrorId, error.Kind));
    }
}
