using CodeEnv.Licenses;

namespace CodeEnv.Core.Tests;

/// <summary>SPDX license expressions as PEP 639's License-Expression writes them, and when a set of licenses satisfies one.</summary>
public class LicenseExpressionTests
{
    private static bool Holds(string expression, params string[] allowed)
    {
        Assert.True(LicenseExpression.TryParse(expression, out var parsed), expression);
        return parsed!.IsSatisfiedBy(l => allowed.Contains(l, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_or_needs_one_side_and_an_and_both()
    {
        Assert.True(Holds("MIT OR GPL-3.0-only", "MIT"));
        Assert.False(Holds("MIT AND GPL-3.0-only", "MIT"));
        Assert.True(Holds("MIT AND GPL-3.0-only", "MIT", "GPL-3.0-only"));
    }

    [Fact]
    public void And_binds_tighter_than_or_and_parentheses_group()
    {
        Assert.True(Holds("GPL-3.0-only OR MIT AND BSD-3-Clause", "GPL-3.0-only"));
        Assert.False(Holds("(GPL-3.0-only OR MIT) AND BSD-3-Clause", "GPL-3.0-only"));
    }

    [Fact]
    public void A_license_with_an_exception_holds_where_its_license_or_the_whole_term_is_allowed()
    {
        Assert.True(Holds("GPL-2.0-or-later WITH Classpath-exception-2.0", "GPL-2.0-or-later"));
        Assert.True(Holds("GPL-2.0-or-later WITH Classpath-exception-2.0", "GPL-2.0-or-later WITH Classpath-exception-2.0"));
        Assert.False(Holds("GPL-2.0-or-later WITH Classpath-exception-2.0", "Classpath-exception-2.0"));
    }

    [Fact]
    public void Operators_are_read_in_any_case_and_ids_in_the_lists_spelling()
    {
        Assert.True(LicenseExpression.TryParse("mit or apache-2.0", out var parsed));
        Assert.Equal(new[] { "MIT", "Apache-2.0" }, parsed!.Terms);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MIT OR")]
    [InlineData("(MIT")]
    [InlineData("MIT Apache-2.0")]
    [InlineData("MIT WITH")]
    [InlineData("Apache License, Version 2.0")]
    public void What_is_no_spdx_expression_is_refused(string text)
    {
        Assert.False(LicenseExpression.TryParse(text, out _));
    }
}
