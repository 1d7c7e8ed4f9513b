using CodeEnv.Licenses;

namespace CodeEnv.Core.Tests;

/// <summary>The one reader of a distribution's license from its METADATA: PEP 639's License-Expression, the License field and the License classifiers.</summary>
public class DistributionLicenseTests
{
    [Fact]
    public void A_license_expression_is_read_as_written()
    {
        var license = DistributionLicense.FromMetadata("Metadata-Version: 2.4\nName: a\nVersion: 1\nLicense-Expression: MIT OR Apache-2.0\n\nbody");

        Assert.Equal("MIT OR Apache-2.0", license.Expression);
        Assert.Equal(new[] { "MIT", "Apache-2.0" }, license.ParsedExpression!.Terms);
    }

    [Fact]
    public void The_license_field_and_only_the_license_classifiers_are_read()
    {
        var license = DistributionLicense.FromMetadata(
            "Metadata-Version: 2.1\nName: a\nVersion: 1\nLicense: BSD\nClassifier: Programming Language :: Python\nClassifier: License :: OSI Approved :: BSD License\n");

        Assert.Null(license.Expression);
        Assert.Equal("BSD", license.Text);
        Assert.Equal(new[] { "License :: OSI Approved :: BSD License" }, license.Classifiers);
    }

    [Fact]
    public void Headers_after_the_first_empty_line_are_the_description_and_not_read()
    {
        var license = DistributionLicense.FromMetadata("Name: a\nVersion: 1\n\nLicense: GPL-3.0-only\n");

        Assert.False(license.IsDeclared);
    }

    [Fact]
    public void A_license_text_continued_over_several_lines_is_kept_whole_and_is_not_a_name()
    {
        var license = DistributionLicense.FromMetadata("Name: a\nVersion: 1\nLicense: Copyright (c) 2024 Someone\n        Permission is hereby granted, free of charge\nClassifier: License :: OSI Approved :: MIT License\n");

        Assert.Equal("Copyright (c) 2024 Someone\nPermission is hereby granted, free of charge", license.Text);
        Assert.False(license.TextIsName);
        Assert.Null(license.TextAsExpression);
    }

    [Fact]
    public void UNKNOWN_as_setuptools_writes_it_is_no_license()
    {
        Assert.False(DistributionLicense.FromMetadata("Name: a\nVersion: 1\nLicense: UNKNOWN\n").IsDeclared);
    }

    [Theory]
    [InlineData("MIT", "MIT")]
    [InlineData("apache-2.0 or mit", "Apache-2.0|MIT")]
    [InlineData("LicenseRef-Corp", "LicenseRef-Corp")]
    public void A_license_field_of_recognized_spdx_ids_reads_as_an_expression(string text, string terms)
    {
        var license = new DistributionLicense(null, text, Array.Empty<string>());

        Assert.Equal(terms.Split('|'), license.TextAsExpression!.Terms);
    }

    [Theory]
    [InlineData("BSD")]
    [InlineData("Apache 2.0")]
    [InlineData("Dual License")]
    public void A_license_field_that_is_a_free_name_is_no_expression(string text)
    {
        Assert.Null(new DistributionLicense(null, text, Array.Empty<string>()).TextAsExpression);
    }

    [Fact]
    public void A_classifier_that_names_one_license_maps_to_its_spdx_id_and_a_family_to_none()
    {
        Assert.Equal("MIT", LicenseClassifiers.SpdxId("License :: OSI Approved :: MIT License"));
        Assert.Equal("GPL-3.0-or-later", LicenseClassifiers.SpdxId("License ::  OSI Approved::GNU General Public License v3 or later (GPLv3+)"));
        Assert.Null(LicenseClassifiers.SpdxId("License :: OSI Approved :: BSD License"));
        Assert.Null(LicenseClassifiers.SpdxId("License :: OSI Approved :: Apache Software License"));
        Assert.Equal("BSD License", LicenseClassifiers.Name("License :: OSI Approved :: BSD License"));
    }

    [Fact]
    public void Every_classifier_maps_to_a_recognized_spdx_id()
    {
        foreach (var id in LicenseClassifiers.MappedIds)
        {
            Assert.Equal(id, SpdxLicenseIds.Canonical(id));
        }
    }

    [Fact]
    public void Spdx_ids_compare_ignoring_case_and_come_back_in_the_lists_spelling()
    {
        Assert.Equal("Apache-2.0", SpdxLicenseIds.Canonical("APACHE-2.0"));
        Assert.Null(SpdxLicenseIds.Canonical("Apache 2.0"));
    }
}
