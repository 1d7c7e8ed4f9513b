using System.Management.Automation;
using System.Management.Automation.Runspaces;
using CodeEnv.HelpBuilder;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: CodeEnv.HelpBuilder <module manifest> <prose json> <output MAML file>");
    return 2;
}

var (manifest, prosePath, output) = (args[0], args[1], args[2]);
var state = InitialSessionState.CreateDefault2();
state.ImportPSModule(manifest);
using var runspace = RunspaceFactory.CreateRunspace(state);
runspace.Open();
using var shell = PowerShell.Create();
shell.Runspace = runspace;
var cmdlets = shell.AddCommand("Get-Command").AddParameter("Module", "CodeEnv").Invoke<CmdletInfo>()
    .OrderBy(c => c.Name, StringComparer.Ordinal)
    .ToList();

var prose = HelpProse.Read(prosePath);
var problems = prose.Check(cmdlets);
if (problems.Count > 0)
{
    Console.Error.WriteLine($"The help in {prosePath} does not match the cmdlets:");
    problems.ForEach(p => Console.Error.WriteLine("  " + p));
    return 1;
}

Directory.CreateDirectory(Path.GetDirectoryName(output)!);
MamlWriter.Write(output, cmdlets, prose);
Console.WriteLine($"Help for {cmdlets.Count} cmdlets written to {output}");
return 0;
