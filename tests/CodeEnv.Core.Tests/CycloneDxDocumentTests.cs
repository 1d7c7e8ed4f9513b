using CodeEnv.Licenses;
using CodeEnv.Sbom;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Core.Tests;

/// <summary>
/// The SBOM writer: an env's installed set as a CycloneDX document, its shape, its order, and the official schemas of
/// 1.5 and 1.6 (restored with the test project, resolved offline) accepting it and refusing a broken one.
/// </summary>
public class CycloneDxDocumentTests
{
    private static readonly Guid Serial = Guid.Parse("3e671687-395b-41f5-a30f-a58921a69b79");
    private static readonly DateTimeOffset At = new(2026, 12, 7, 10, 30, 0, TimeSpan.Zero);
    private static readonly string AlphaSha = new('a', 64);
    private static readonly string ZetaSha = new('b', 64);

    private static SbomSubject Subject(params SbomDistribution[] distributions) => new()
    {
        EnvironmentName = "analytics",
        Revision = 4,
        Description = "Quarterly numbers",
        InstalledAt = At,
        Requirements = new[] { "Alpha_Pkg==1.0", "zeta" },
        Markers = new Dictionary<string, string> { ["implementation_name"] = "cpython", ["python_full_version"] = "3.12.1", ["sys_platform"] = "linux" },
        PythonVersion = "3.12",
        InterpreterPath = "/usr/bin/python3.12",
        Distributions = distributions.Length > 0 ? distributions : Distributions(),
        Direct = new[] { "alpha-pkg", "zeta" },
        DependsOn = new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["alpha-pkg"] = new[] { "zeta", "not-installed" },
            ["zeta"] = Array.Empty<string>(),
            ["pip"] = Array.Empty<string>(),
        },
    };

    private static SbomDistribution[] Distributions() => new[]
    {
        new SbomDistribution("zeta", "2.0+local.1", new LockedArtifact { FileName = "zeta-2.0+local.1-py3-none-any.whl", Url = "file:///srv/wheels/zeta-2.0%2Blocal.1-py3-none-any.whl", Sha256 = ZetaSha }, new DistributionLicense(null, "BSD", new[] { "License :: OSI Approved :: BSD License", "License :: OSI Approved :: MIT License" })),
        new SbomDistribution("Alpha_Pkg", "1.0", new LockedArtifact { FileName = "alpha_pkg-1.0-py3-none-any.whl", Url = "https://pypi.internal/packages/alpha_pkg-1.0-py3-none-any.whl", Sha256 = AlphaSha }, new DistributionLicense("MIT OR Apache-2.0", null, Array.Empty<string>())),
        new SbomDistribution("pip", "24.0", null, new DistributionLicense(null, "MIT", new[] { "License :: OSI Approved :: MIT License" })),
    };

    // Read with dates as the text they are.
    private static JObject Write(SbomSubject subject, string specVersion = "1.6") =>
        Newtonsoft.Json.JsonConvert.DeserializeObject<JObject>(CycloneDxDocument.Write(subject, specVersion, Serial, At), new Newtonsoft.Json.JsonSerializerSettings { DateParseHandling = Newtonsoft.Json.DateParseHandling.None })!;

    private static JObject Component(JObject bom, string name) => (JObject)bom["components"]!.Single(c => (string)c["name"]! == name);

    [Fact]
    public void The_env_is_the_documents_subject_with_its_revision_and_lines()
    {
        var bom = Write(Subject());

        Assert.Equal("CycloneDX", (string)bom["bomFormat"]!);
        Assert.Equal("1.6", (string)bom["specVersion"]!);
        Assert.Equal("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", (string)bom["serialNumber"]!);
        Assert.Equal("2026-12-07T10:30:00Z", (string)bom["metadata"]!["timestamp"]!);
        var env = bom["metadata"]!["component"]!;
        Assert.Equal(("application", "analytics", "4", "codeenv-env:analytics"), ((string)env["type"]!, (string)env["name"]!, (string)env["version"]!, (string)env["bom-ref"]!));
        Assert.Equal(new[] { "Alpha_Pkg==1.0", "zeta" }, env["properties"]!.Where(p => (string)p["name"]! == "codeenv:requirement").Select(p => (string)p["value"]!));
    }

    [Fact]
    public void The_interpreter_is_a_platform_component_with_its_full_version()
    {
        var python = Component(Write(Subject()), "CPython");

        Assert.Equal(("platform", "3.12.1", "codeenv-python"), ((string)python["type"]!, (string)python["version"]!, (string)python["bom-ref"]!));
        Assert.Contains(python["properties"]!, p => (string)p["name"]! == "codeenv:python:interpreter" && (string)p["value"]! == "/usr/bin/python3.12");
    }

    [Fact]
    public void Each_distribution_has_its_purl_and_the_sha256_of_the_file_the_lock_recorded()
    {
        var bom = Write(Subject());
        var alpha = Component(bom, "Alpha_Pkg");
        var zeta = Component(bom, "zeta");

        Assert.Equal("pkg:pypi/alpha-pkg@1.0", (string)alpha["purl"]!);
        Assert.Equal("pkg:pypi/zeta@2.0%2Blocal.1", (string)zeta["purl"]!);
        Assert.Equal((string)alpha["purl"]!, (string)alpha["bom-ref"]!);
        Assert.Equal(new JArray(new JObject { ["alg"] = "SHA-256", ["content"] = AlphaSha }), alpha["hashes"]);
        Assert.Equal("https://pypi.internal/packages/alpha_pkg-1.0-py3-none-any.whl", (string)alpha["externalReferences"]![0]!["url"]!);
        Assert.Null(Component(bom, "pip")["hashes"]);
    }

    [Fact]
    public void A_license_expression_is_one_expression_and_other_declarations_are_licenses_by_spdx_id_or_name()
    {
        var bom = Write(Subject());

        Assert.Equal("MIT OR Apache-2.0", (string)Component(bom, "Alpha_Pkg")["licenses"]![0]!["expression"]!);
        var zeta = Component(bom, "zeta")["licenses"]!.Select(l => l["license"]!).ToList();
        Assert.Equal(new[] { "name:BSD", "name:BSD License", "id:MIT" }, zeta.Select(l => l["id"] != null ? "id:" + l["id"] : "name:" + l["name"]));
        Assert.All(zeta, l => Assert.Equal("declared", (string)l["acknowledgement"]!));
        var pip = Assert.Single(Component(bom, "pip")["licenses"]!);
        Assert.Equal("MIT", (string)pip["license"]!["id"]!);
    }

    [Fact]
    public void The_graph_has_every_component_the_env_depending_on_its_interpreter_and_lines_and_only_edges_to_installed_ones()
    {
        var dependencies = Write(Subject())["dependencies"]!.ToDictionary(d => (string)d["ref"]!, d => d["dependsOn"]!.Select(r => (string)r!).ToArray());

        Assert.Equal(new[] { "codeenv-env:analytics", "codeenv-python", "pkg:pypi/alpha-pkg@1.0", "pkg:pypi/pip@24.0", "pkg:pypi/zeta@2.0%2Blocal.1" }, dependencies.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "codeenv-python", "pkg:pypi/alpha-pkg@1.0", "pkg:pypi/zeta@2.0%2Blocal.1" }, dependencies["codeenv-env:analytics"]);
        Assert.Equal(new[] { "pkg:pypi/zeta@2.0%2Blocal.1" }, dependencies["pkg:pypi/alpha-pkg@1.0"]);
        Assert.Empty(dependencies["pkg:pypi/zeta@2.0%2Blocal.1"]);
    }

    [Fact]
    public void The_same_set_in_any_order_gives_the_same_document()
    {
        var forward = CycloneDxDocument.Write(Subject(), "1.6", Serial, At);
        var backward = CycloneDxDocument.Write(Subject(Distributions().Reverse().ToArray()), "1.6", Serial, At);

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Version_1_5_names_its_schema_and_leaves_out_what_only_1_6_has()
    {
        var text = CycloneDxDocument.Write(Subject(), "1.5", Serial, At);

        Assert.Contains("\"$schema\": \"http://cyclonedx.org/schema/bom-1.5.schema.json\"", text);
        Assert.Contains("\"specVersion\": \"1.5\"", text);
        Assert.DoesNotContain("acknowledgement", text);
    }

    [Fact]
    public void A_spec_version_codeenv_does_not_write_is_refused_naming_the_ones_it_does()
    {
        var error = Assert.Throws<CodeEnv.Errors.CodeEnvException>(() => CycloneDxDocument.Write(Subject(), "1.4", Serial, At));

        Assert.Equal("SbomSpecVersionInvalid", error.ErrorId);
        Assert.Contains("1.6 (the default) or 1.5", error.Message);
    }

    [Fact]
    public void A_long_license_text_is_named_by_its_first_line_and_kept_whole()
    {
        var text = "Copyright (c) 2024 The Authors. All rights reserved and then a good deal more words\nRedistribution and use in source and binary forms";
        var bom = Write(Subject(new SbomDistribution("texty", "1.0", null, new DistributionLicense(null, text, Array.Empty<string>()))));

        var license = Component(bom, "texty")["licenses"]![0]!["license"]!;
        Assert.Equal("Copyright (c) 2024 The Authors. All rights reserved and then...", (string)license["name"]!);
        Assert.Equal(text, (string)license["text"]!["content"]!);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1.6")]
    public void The_official_schema_accepts_the_document(string specVersion)
    {
        var rich = Subject(Distributions().Append(new SbomDistribution("texty", "1.0", null, new DistributionLicense(null, "Line one\nline two", new[] { "License :: OSI Approved :: GNU General Public License v2 (GPLv2)" })))
            .Append(new SbomDistribution("odd", "1.0", null, new DistributionLicense("LicenseRef-Corp AND MIT", null, Array.Empty<string>())))
            .Append(new SbomDistribution("broken-expression", "1.0", null, new DistributionLicense("MIT or, well", null, Array.Empty<string>())))
            .Append(new SbomDistribution("silent", "1.0", null, DistributionLicense.None)).ToArray());

        Assert.Empty(CycloneDxSchemas.Problems(CycloneDxDocument.Write(rich, specVersion, Serial, At), specVersion));
    }

    [Theory]
    [InlineData("1.5", "license id")]
    [InlineData("1.6", "license id")]
    [InlineData("1.6", "serial number")]
    [InlineData("1.6", "expression beside a license")]
    [InlineData("1.5", "1.6's acknowledgement")]
    public void The_official_schema_refuses_a_broken_document(string specVersion, string broken)
    {
        var bom = Write(Subject(), specVersion);
        var zetaLicenses = (JArray)Component(bom, "zeta")["licenses"]!;
        switch (broken)
        {
            case "license id": zetaLicenses[0]!["license"] = new JObject { ["id"] = "Not-An-SPDX-Id" }; break;
            case "serial number": bom["serialNumber"] = "not a urn"; break;
            case "expression beside a license": zetaLicenses.Add(new JObject { ["expression"] = "MIT" }); break;
            default: zetaLicenses[0]!["license"]!["acknowledgement"] = "declared"; break;
        }

        Assert.NotEmpty(CycloneDxSchemas.Problems(bom.ToString(), specVersion));
    }

    [Fact]
    public void Every_spdx_id_codeenv_recognizes_is_one_the_schema_accepts()
    {
        var accepted = CycloneDxSchemas.SpdxIds;

        Assert.DoesNotContain(SpdxLicenseIds.All, id => !accepted.Contains(id));
    }

    [Theory]
    [InlineData("requests", "2.31.0", "pkg:pypi/requests@2.31.0")]
    [InlineData("Django_Rest", "3.0", "pkg:pypi/django-rest@3.0")]
    [InlineData("zope.interface", "6.0", "pkg:pypi/zope.interface@6.0")]
    [InlineData("local", "1.0+cpu", "pkg:pypi/local@1.0%2Bcpu")]
    public void A_purl_is_the_pypi_name_lower_cased_with_dashes_and_its_version(string name, string version, string purl)
    {
        Assert.Equal(purl, PackageUrl.ForPyPI(name, version));
    }
}
