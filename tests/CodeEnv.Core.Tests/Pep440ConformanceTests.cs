using CodeEnv.Requirements;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Core.Tests;

/// <summary>
/// The version and specifier engine against tests/testdata/pep440-oracle.json: cases from pypa/packaging's own
/// test suite with the answers that packaging (the library pip uses) computed.
/// </summary>
public class Pep440ConformanceTests
{
    private static readonly Lazy<JObject> Oracle = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "testdata", "pep440-oracle.json");
        Assert.True(File.Exists(path), $"The PEP 440 oracle is missing at '{path}'; it is copied from tests/testdata at build time.");
        return JObject.Parse(File.ReadAllText(path));
    });

    [Fact]
    public void Every_oracle_version_parses_and_normalizes_as_packaging_does()
    {
        var normalized = (JObject)Oracle.Value["normalized"]!;
        Assert.True(normalized.Count >= 300);
        var wrong = normalized.Properties()
            .Where(p => !PackageVersion.TryParse(p.Name, out var v) || v!.ToString() != p.Value.Value<string>())
            .Select(p => $"{p.Name} -> {(PackageVersion.TryParse(p.Name, out var v) ? v!.ToString() : "invalid")} (expected {p.Value})")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void The_oracle_versions_sort_in_packaging_order()
    {
        var ordered = Oracle.Value["versions_ordered"]!.Values<string>().Select(v => PackageVersion.Parse(v!)).ToList();
        Assert.True(ordered.Count >= 300);
        var wrong = new List<string>();
        for (var i = 0; i < ordered.Count; i++)
        {
            for (var j = i + 1; j < ordered.Count; j++)
            {
                if (ordered[i].CompareTo(ordered[j]) > 0 || ordered[j].CompareTo(ordered[i]) < 0)
                {
                    wrong.Add($"{ordered[i]} should not sort after {ordered[j]}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(20)));
    }

    [Fact]
    public void Equal_versions_have_equal_hashes()
    {
        var ordered = Oracle.Value["versions_ordered"]!.Values<string>().Select(v => PackageVersion.Parse(v!)).ToList();
        foreach (var a in ordered)
        {
            foreach (var b in ordered.Where(b => a.Equals(b)))
            {
                Assert.Equal(a.GetHashCode(), b.GetHashCode());
            }
        }
    }

    [Fact]
    public void Every_invalid_oracle_version_is_refused()
    {
        var accepted = Oracle.Value["invalid_versions"]!.Values<string>().Where(v => PackageVersion.TryParse(v, out _)).ToList();
        Assert.True(accepted.Count == 0, "Accepted: " + string.Join(", ", accepted));
    }

    [Fact]
    public void Every_invalid_oracle_specifier_is_refused()
    {
        var accepted = Oracle.Value["invalid_specifiers"]!.Values<string>().Where(s => SpecifierSet.TryParse(s!, out _, out _)).ToList();
        Assert.True(accepted.Count == 0, "Accepted: " + string.Join(", ", accepted));
    }

    [Fact]
    public void Every_oracle_containment_answer_matches()
    {
        var rows = (JArray)Oracle.Value["contains"]!;
        Assert.True(rows.Count >= 10_000);
        var wrong = new List<string>();
        foreach (var row in rows)
        {
            var spec = row[0]!.Value<string>()!;
            var version = row[1]!.Value<string>()!;
            var expected = row[3]!.Value<bool>();
            Assert.True(SpecifierSet.TryParse(spec, out var set, out var problem), $"'{spec}' refused: {problem}");
            if (set!.Contains(PackageVersion.Parse(version)) != expected)
            {
                wrong.Add($"'{version}' in '{spec}' should be {expected}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {rows.Count} wrong:\n" + string.Join("\n", wrong.Take(30)) + "\nspecs: " + string.Join(" ", wrong.Select(w => w.Split(" in ")[1]).Distinct()));
    }
}
