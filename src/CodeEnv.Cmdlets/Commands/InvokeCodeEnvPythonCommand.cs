using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Python;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Invoke-CodeEnvPython: runs an environment's python, streaming its output; its exit code lands in $LASTEXITCODE.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "CodeEnvPython")]
    [OutputType(typeof(string))]
    public sealed class InvokeCodeEnvPythonCommand : RootCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string Name { get; set; } = "";

        [Parameter(Position = 1, ValueFromRemainingArguments = true)]
        [AllowEmptyCollection]
        public string[] ArgumentList { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            ForItem(Name, () =>
            {
                // The engine says whether the caller may use the env; this process then starts its python, as the caller, and
                // on a served root the env folder's ACL has the last word. A python may run for hours: it holds no
                // connection to the service meanwhile.
                var environment = Call((engine, _, token) => engine.Lifecycle.UsableAsync(Name, token));
                Dispose();
                var exitCode = RunEngineWithPipeline(async (pipeline, token) => (await SystemProcessRunner.Instance.RunAsync(
                    environment.PythonPath,
                    ArgumentList,
                    line => pipeline.Post(c => c.WriteObject(line)),
                    token,
                    null,
                    // stderr is shown as a native command's is, and can be captured with 6>, without failing the caller's script.
                    line => pipeline.Post(c => c.WriteInformation(new HostInformationMessage { Message = line }, new[] { "PSHOST", "stderr" })),
                    // The caller's current folder, as pwsh gives any native command: ./train.py means the script beside them.
                    workingDirectory: SessionState.Path.CurrentFileSystemLocation.ProviderPath).ConfigureAwait(false)).ExitCode);
                SessionState.PSVariable.Set("global:LASTEXITCODE", exitCode);
            });
        }
    }
}
