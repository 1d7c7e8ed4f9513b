using System.Management.Automation;

namespace CodeEnv.HelpBuilder;

/// <summary>What PowerShell itself knows of a cmdlet's parameters: the facts help shows and no one writes by hand.</summary>
internal static class BindingFacts
{
    // Common parameters are documented once by PowerShell (about_CommonParameters); WhatIf and Confirm are not
    // common in Get-Command's syntax, so they are documented like the cmdlet's own.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
    };

    public static bool IsCommon(string parameter) => Common.Contains(parameter);

    /// <summary>The parameter sets, the default first, each with its own parameters in declaration order.</summary>
    public static IReadOnlyList<CommandParameterSetInfo> Sets(CmdletInfo cmdlet) =>
        cmdlet.ParameterSets.OrderByDescending(s => s.IsDefault).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();

    public static IEnumerable<CommandParameterInfo> Own(CommandParameterSetInfo set) => set.Parameters.Where(p => !IsCommon(p.Name));

    /// <summary>Every parameter of the cmdlet once, in the order of its first appearance.</summary>
    public static IReadOnlyList<CommandParameterInfo> Parameters(CmdletInfo cmdlet) =>
        Sets(cmdlet).SelectMany(Own).GroupBy(p => p.Name).Select(g => g.First()).ToList();

    public static string Position(CommandParameterInfo parameter) =>
        parameter.Position == int.MinValue ? "named" : parameter.Position.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string PipelineInput(CommandParameterInfo parameter) =>
        (parameter.ValueFromPipeline, parameter.ValueFromPipelineByPropertyName) switch
        {
            (true, true) => "True (ByValue, ByPropertyName)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };

    /// <summary>What the cmdlet takes from the pipeline: each by-value parameter's type, then the properties bound by name.</summary>
    public static IEnumerable<(string Type, string Text)> Inputs(CmdletInfo cmdlet)
    {
        var parameters = Parameters(cmdlet);
        foreach (var byValue in parameters.Where(p => p.ValueFromPipeline).GroupBy(TypeName))
        {
            yield return (byValue.Key, $"Piped values bind to -{string.Join(", -", byValue.Select(p => p.Name))}.");
        }

        var byName = parameters.Where(p => p.ValueFromPipelineByPropertyName).Select(p => p.Name).ToList();
        if (byName.Count > 0)
        {
            yield return ("System.Management.Automation.PSObject", $"Any object whose {string.Join(", ", byName)} properties bind by name to the parameters of the same names; CodeEnv's own objects carry Name and Root.");
        }
        else if (!parameters.Any(p => p.ValueFromPipeline))
        {
            yield return ("None", "This cmdlet takes no input from the pipeline.");
        }
    }

    public static bool Wildcards(CommandParameterInfo parameter) => parameter.Attributes.OfType<SupportsWildcardsAttribute>().Any();

    public static string TypeName(CommandParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return type.Name;
    }
}
