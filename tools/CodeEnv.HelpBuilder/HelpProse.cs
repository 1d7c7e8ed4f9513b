using System.Management.Automation;
using System.Text.Json;

namespace CodeEnv.HelpBuilder;

/// <summary>
/// The hand-written part of the help, module/help/cmdlets.json: per cmdlet a synopsis, a description, a text per
/// parameter (or "@Shared" for one written once under "_shared"), outputs and examples. Nothing about binding.
/// </summary>
internal sealed class HelpProse
{
    private const string SharedKey = "_shared";

    // PowerShell's own switches: the same words for every cmdlet that has them.
    private static readonly Dictionary<string, string> RiskParameters = new()
    {
        ["WhatIf"] = "Shows what would happen if the cmdlet runs. The cmdlet is not run.",
        ["Confirm"] = "Prompts you for confirmation before running the cmdlet.",
    };

    private readonly JsonElement root;

    private HelpProse(JsonElement root) => this.root = root;

    public static HelpProse Read(string path) => new(JsonDocument.Parse(File.ReadAllText(path)).RootElement);

    public string Synopsis(string cmdlet) => Text(Cmdlet(cmdlet), "synopsis") ?? "";

    public string Description(string cmdlet) => Text(Cmdlet(cmdlet), "description") ?? "";

    public string? Parameter(string cmdlet, string parameter)
    {
        if (RiskParameters.TryGetValue(parameter, out var risk))
        {
            return risk;
        }

        if (Cmdlet(cmdlet) is not JsonElement spec || !spec.TryGetProperty("parameters", out var parameters) || !parameters.TryGetProperty(parameter, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString()!.StartsWith('@'))
        {
            value = root.GetProperty(SharedKey).GetProperty(value.GetString()![1..]);
        }

        return Text(value, "description");
    }

    public IEnumerable<(string Type, string Text)> Outputs(string cmdlet) =>
        Cmdlet(cmdlet) is JsonElement spec && spec.TryGetProperty("outputs", out var outputs)
            ? outputs.EnumerateObject().Select(o => (o.Name, o.Value.GetString() ?? ""))
            : Enumerable.Empty<(string, string)>();

    public IEnumerable<(string Title, string Code, string Remarks)> Examples(string cmdlet) =>
        Cmdlet(cmdlet) is JsonElement spec && spec.TryGetProperty("examples", out var examples)
            ? examples.EnumerateArray().Select(e => (Text(e, "title") ?? "", Text(e, "code") ?? "", Text(e, "remarks") ?? ""))
            : Enumerable.Empty<(string, string, string)>();

    /// <summary>Both directions: every cmdlet and parameter has prose, and all prose names a real cmdlet and parameter.</summary>
    public List<string> Check(IReadOnlyList<CmdletInfo> cmdlets)
    {
        var problems = new List<string>();
        var names = cmdlets.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var documented in root.EnumerateObject().Where(p => p.Name != SharedKey && !names.Contains(p.Name)))
        {
            problems.Add($"'{documented.Name}' is documented but the module has no such cmdlet.");
        }

        foreach (var cmdlet in cmdlets)
        {
            if (Cmdlet(cmdlet.Name) is not JsonElement spec)
            {
                problems.Add($"{cmdlet.Name} has no help.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(Synopsis(cmdlet.Name)) || string.IsNullOrWhiteSpace(Description(cmdlet.Name)))
            {
                problems.Add($"{cmdlet.Name} needs a synopsis and a description.");
            }

            if (!Examples(cmdlet.Name).Any())
            {
                problems.Add($"{cmdlet.Name} needs at least one example.");
            }

            var actual = BindingFacts.Parameters(cmdlet).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(actual.Where(p => string.IsNullOrWhiteSpace(Parameter(cmdlet.Name, p))).Select(p => $"{cmdlet.Name} -{p} has no description."));
            if (spec.TryGetProperty("parameters", out var parameters))
            {
                problems.AddRange(parameters.EnumerateObject().Where(p => !actual.Contains(p.Name)).Select(p => $"{cmdlet.Name} documents -{p.Name}, which it does not have."));
            }
        }

        return problems;
    }

    private JsonElement? Cmdlet(string name) => root.TryGetProperty(name, out var spec) ? spec : null;

    private static string? Text(JsonElement? element, string property) =>
        element is JsonElement { ValueKind: JsonValueKind.Object } found && found.TryGetProperty(property, out var value) ? value.GetString() : null;

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? value.GetString() : null;
}
