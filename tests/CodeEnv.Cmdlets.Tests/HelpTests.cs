using System.Management.Automation;
using System.Management.Automation.Language;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Help that cannot drift from the code: Get-Help -Full says exactly what Get-Command knows of every cmdlet, in
/// both directions, and every example is PowerShell that names real cmdlets and real parameters.
/// </summary>
public class HelpTests : IDisposable
{
    private readonly PowerShellSession ps = new(initializeRoot: false);

    public void Dispose() => ps.Dispose();

    public static IEnumerable<object[]> Cmdlets() => ModuleTests.CmdletNames.Select(c => new object[] { c });

    // One line per parameter set: the parameter names with their binding facts, as Get-Command sees them.
    private const string SetsFromCommand = """
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        foreach ($set in (Get-Command $args[0]).ParameterSets) {
            ($set.Parameters | Where-Object { $_.Name -notin $common -or $_.Name -in 'WhatIf', 'Confirm' } | ForEach-Object {
                $pipeline = if ($_.ValueFromPipeline -and $_.ValueFromPipelineByPropertyName) { 'True (ByValue, ByPropertyName)' } elseif ($_.ValueFromPipeline) { 'True (ByValue)' } elseif ($_.ValueFromPipelineByPropertyName) { 'True (ByPropertyName)' } else { 'False' }
                $position = if ($_.Position -eq [int]::MinValue) { 'named' } else { $_.Position }
                $wildcards = [bool]($_.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
                '{0}:{1}:{2}:{3}:{4}' -f $_.Name, $_.IsMandatory.ToString().ToLower(), $position, $pipeline, $wildcards.ToString().ToLower()
            }) -join ' '
        }
        """;

    // The same from Get-Help -Full: each syntax item's parameters with what help says of them.
    private const string SetsFromHelp = """
        $help = Get-Help $args[0] -Full
        foreach ($item in $help.syntax.syntaxItem) {
            ($item.parameter | ForEach-Object { '{0}:{1}:{2}:{3}:{4}' -f $_.name, $_.required, $_.position, $_.pipelineInput, $_.globbing }) -join ' '
        }
        """;

    private List<string> Lines(string script, string cmdlet) =>
        ps.Run(script, cmdlet).AssertSuccess().Output.Select(o => (string)o.BaseObject).OrderBy(l => l, StringComparer.Ordinal).ToList();

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Every_parameter_set_in_help_is_one_of_the_cmdlet_and_every_set_of_the_cmdlet_is_in_help(string cmdlet)
    {
        Assert.Equal(Lines(SetsFromCommand, cmdlet), Lines(SetsFromHelp, cmdlet));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Every_cmdlet_has_a_synopsis_a_description_and_described_parameters(string cmdlet)
    {
        var described = ps.Run("""
            $help = Get-Help $args[0] -Full
            'synopsis ' + [bool]($help.Synopsis -and -not $help.Synopsis.StartsWith($args[0]))
            'description ' + [bool]($help.description.Text -join '')
            $help.parameters.parameter | ForEach-Object { $_.name + ' ' + [bool]($_.description.Text -join '') }
            """, cmdlet).AssertSuccess().Output.Select(o => (string)o.BaseObject);
        Assert.All(described, line => Assert.EndsWith(" True", line));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Every_example_parses_and_names_only_real_cmdlets_and_their_parameters(string cmdlet)
    {
        var examples = ps.Run("(Get-Help $args[0] -Full).examples.example | ForEach-Object { $_.code }", cmdlet).AssertSuccess().Output
            .Select(o => (string)o.BaseObject).ToList();
        Assert.NotEmpty(examples);
        foreach (var code in examples)
        {
            var ast = Parser.ParseInput(code, out _, out var errors);
            Assert.True(errors.Length == 0, $"{cmdlet} example does not parse: {code}");
            foreach (var call in ast.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true).Cast<CommandAst>())
            {
                var name = call.GetCommandName();
                if (name == null || !name.Contains("CodeEnv", StringComparison.Ordinal))
                {
                    continue;
                }

                Assert.Contains(name, ModuleTests.CmdletNames);
                var parameters = ps.Run("(Get-Command $args[0]).Parameters.Keys", name).AssertSuccess().Output.Select(o => (string)o.BaseObject).ToList();
                foreach (var used in call.CommandElements.OfType<CommandParameterAst>())
                {
                    Assert.True(
                        parameters.Any(p => p.StartsWith(used.ParameterName, StringComparison.OrdinalIgnoreCase)),
                        $"An example of {cmdlet} passes -{used.ParameterName} to {name}, which has no such parameter: {code}");
                }
            }
        }
    }
}
