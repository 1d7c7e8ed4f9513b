using CodeEnv.Errors;
using CodeEnv.Licenses;

namespace CodeEnv.Core.Tests;

/// <summary>The root's allow list of licenses: what it allows, what it refuses, and the error that says why and how to go on.</summary>
public class AllowedLicensesTests
{
    private static readonly AllowedLicenses MitAndBsd = new(new[] { "MIT", "BSD-3-Clause", "BSD License" });

    private static DistributionLicense Expression(string text) => new(text, null, Array.Empty<string>());

    private static DistributionLicense Field(string text, params string[] classifiers) => new(null, text, classifiers);

    [Fact]
    public void An_empty_list_is_no_rule()
    {
        Assert.Null(new AllowedLicenses(Array.Empty<string>()).Refusal(DistributionLicense.None));
    }

    [Fact]
    public void A_license_expression_decides_when_present()
    {
        Assert.Null(MitAndBsd.Refusal(Expression("mit OR GPL-3.0-only")));
        Assert.Contains("License-Expression 'GPL-3.0-only'", MitAndBsd.Refusal(Expression("GPL-3.0-only")));
    }

    [Fact]
    public void A_license_expression_that_is_no_spdx_expression_is_refused_saying_so()
    {
        Assert.Contains("is not an SPDX license expression", MitAndBsd.Refusal(Expression("MIT or whatever, really")));
    }

    [Fact]
    public void Without_an_expression_the_license_field_or_any_license_classifier_allows()
    {
        Assert.Null(MitAndBsd.Refusal(Field("MIT")));
        Assert.Null(MitAndBsd.Refusal(Field("Proprietary", "License :: OSI Approved :: MIT License")));
        Assert.Null(MitAndBsd.Refusal(new DistributionLicense(null, null, new[] { "License :: OSI Approved :: BSD License" })));
        Assert.NotNull(MitAndBsd.Refusal(Field("Apache 2.0", "License :: OSI Approved :: Apache Software License")));
    }

    [Fact]
    public void A_distribution_that_declares_no_license_is_refused_while_a_list_is_set()
    {
        Assert.Contains("declares no license", MitAndBsd.Refusal(DistributionLicense.None));
    }

    [Fact]
    public void The_error_names_every_refused_package_its_license_the_rule_and_the_fix()
    {
        var error = Assert.Throws<CodeEnvException>(() => MitAndBsd.Require("analytics", new[]
        {
            ("ok", "1.0", Expression("MIT")),
            ("copyleft", "2.0", Expression("GPL-3.0-only")),
            ("silent", "0.1", DistributionLicense.None),
        }));

        Assert.Equal(ErrorIds.LicenseNotAllowed.Id, error.ErrorId);
        Assert.Equal("analytics", error.Target);
        Assert.Contains("copyleft 2.0: its License-Expression 'GPL-3.0-only'", error.Message);
        Assert.Contains("silent 0.1: it declares no license", error.Message);
        Assert.DoesNotContain("ok 1.0", error.Message);
        Assert.Contains("'MIT', 'BSD-3-Clause', 'BSD License'", error.Message);
        Assert.Contains("Set-CodeEnvRoot -AllowedLicense", error.Message);
    }
}
