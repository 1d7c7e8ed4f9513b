using System.Management.Automation;
using System.Xml.Linq;

namespace CodeEnv.HelpBuilder;

/// <summary>Writes PowerShell's MAML help format, which Get-Help reads for compiled cmdlets.</summary>
internal static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static void Write(string path, IEnumerable<CmdletInfo> cmdlets, HelpProse prose)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), cmdlets.Select(c => CommandElement(c, prose))));
        var temporary = path + ".tmp";
        document.Save(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    private static XElement CommandElement(CmdletInfo cmdlet, HelpProse prose) =>
        new(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(Command + "details",
                new XElement(Command + "name", cmdlet.Name),
                new XElement(Maml + "description", Paragraphs(prose.Synopsis(cmdlet.Name))),
                new XElement(Command + "verb", cmdlet.Verb),
                new XElement(Command + "noun", cmdlet.Noun)),
            new XElement(Maml + "description", Paragraphs(prose.Description(cmdlet.Name))),
            new XElement(Command + "syntax", BindingFacts.Sets(cmdlet).Select(set =>
                new XElement(Command + "syntaxItem",
                    new XElement(Maml + "name", cmdlet.Name),
                    BindingFacts.Own(set).Select(p => Parameter(cmdlet, p, prose))))),
            new XElement(Command + "parameters", BindingFacts.Parameters(cmdlet).Select(p => Parameter(cmdlet, p, prose))),
            new XElement(Command + "inputTypes", BindingFacts.Inputs(cmdlet).Select(i =>
                new XElement(Command + "inputType",
                    new XElement(Dev + "type", new XElement(Maml + "name", i.Type)),
                    new XElement(Maml + "description", Paragraphs(i.Text))))),
            new XElement(Command + "returnValues", prose.Outputs(cmdlet.Name).Select(o =>
                new XElement(Command + "returnValue",
                    new XElement(Dev + "type", new XElement(Maml + "name", o.Type)),
                    new XElement(Maml + "description", Paragraphs(o.Text))))),
            new XElement(Command + "examples", prose.Examples(cmdlet.Name).Select(e =>
                new XElement(Command + "example",
                    new XElement(Maml + "title", $"-------------------------- {e.Title} --------------------------"),
                    new XElement(Dev + "code", e.Code),
                    new XElement(Dev + "remarks", Paragraphs(e.Remarks))))));

    private static XElement Parameter(CmdletInfo cmdlet, CommandParameterInfo parameter, HelpProse prose)
    {
        var type = BindingFacts.TypeName(parameter);
        return new XElement(Command + "parameter",
            new XAttribute("required", parameter.IsMandatory ? "true" : "false"),
            new XAttribute("globbing", BindingFacts.Wildcards(parameter) ? "true" : "false"),
            new XAttribute("pipelineInput", BindingFacts.PipelineInput(parameter)),
            new XAttribute("position", BindingFacts.Position(parameter)),
            new XElement(Maml + "name", parameter.Name),
            new XElement(Maml + "description", Paragraphs(prose.Parameter(cmdlet.Name, parameter.Name) ?? "")),
            parameter.ParameterType == typeof(SwitchParameter) ? null : new XElement(Command + "parameterValue", new XAttribute("required", "true"), type),
            new XElement(Dev + "type", new XElement(Maml + "name", type)));
    }

    private static IEnumerable<XElement> Paragraphs(string text) =>
        text.Split("\n\n").Select(p => new XElement(Maml + "para", p));
}
