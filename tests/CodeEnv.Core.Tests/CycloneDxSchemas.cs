using System.Text.Json;
using Json.Schema;
using Mono.Cecil;

namespace CodeEnv.Core.Tests;

/// <summary>
/// The official CycloneDX JSON schemas (bom-1.5, bom-1.6 and the spdx and jsf schemas they refer to), read from the
/// resources of the CycloneDX tool's CycloneDX.Core.dll, which the test project restores (never loaded, never committed),
/// and a draft-07 validator whose $refs resolve among them offline.
/// </summary>
internal static class CycloneDxSchemas
{
    private static readonly string Assembly = Path.Combine(AppContext.BaseDirectory, "cyclonedx", "CycloneDX.Core.dll");

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Texts = new(ReadTexts);

    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> Boms = new(Build);

    /// <summary>The SPDX license ids the schemas accept in a license's <c>id</c>.</summary>
    public static IReadOnlySet<string> SpdxIds => JsonDocument.Parse(Texts.Value["spdx.schema.json"]).RootElement.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);

    /// <summary>The schema's complaints about <paramref name="json"/> as CycloneDX <paramref name="specVersion"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(string json, string specVersion)
    {
        using var document = JsonDocument.Parse(json);
        var results = Boms.Value[specVersion].Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return results.IsValid
            ? Array.Empty<string>()
            : (results.Details ?? new List<EvaluationResults>()).Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).DefaultIfEmpty("invalid").ToList();
    }

    private static IReadOnlyDictionary<string, string> ReadTexts()
    {
        Assert.True(File.Exists(Assembly), $"{Assembly} is missing: the test project restores the CycloneDX package (PackageDownload) and copies its CycloneDX.Core.dll there.");
        using var module = ModuleDefinition.ReadModule(Assembly);
        const string prefix = "CycloneDX.Core.Schemas.";
        return module.Resources.OfType<EmbeddedResource>()
            .Where(r => r.Name.StartsWith(prefix, StringComparison.Ordinal) && r.Name.EndsWith(".schema.json", StringComparison.Ordinal))
            .ToDictionary(r => r.Name.Substring(prefix.Length), r => new StreamReader(r.GetResourceStream()).ReadToEnd(), StringComparer.Ordinal);
    }

    private static IReadOnlyDictionary<string, JsonSchema> Build()
    {
        // Offline: every $ref resolves among the registered schemas or fails; nothing is fetched.
        var registry = new SchemaRegistry { Fetch = (uri, _) => throw new InvalidOperationException($"The CycloneDX schema refers to {uri}, which is not among the restored schemas.") };
        var options = new BuildOptions { SchemaRegistry = registry };
        registry.Register(JsonSchema.FromText(Texts.Value["spdx.schema.json"], options));
        registry.Register(JsonSchema.FromText(Texts.Value["jsf-0.82.schema.json"], options));
        return new Dictionary<string, JsonSchema>(StringComparer.Ordinal)
        {
            ["1.5"] = JsonSchema.FromText(Texts.Value["bom-1.5.schema.json"], options),
            ["1.6"] = JsonSchema.FromText(Texts.Value["bom-1.6.schema.json"], options),
        };
    }
}
