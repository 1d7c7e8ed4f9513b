using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

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
                var service = Engine().Lifecycle;
                var exitCode = RunEngineWithPipeline((pipeline, token) => service.RunPythonAsync(
                    Name,
                    ArgumentList,
                    // The caller's current folder, as pwsh gives any native command: ./train.py means the script beside them.
                    SessionState.Path.CurrentFileSystemLocation.ProviderPath,
                    line => pipeline.Post(c => c.WriteObject(line)),
                    // stderr is shown as a native command's is, and can be captured with 6>, without failing the caller's script.
                    line => pipeline.Post(c => c.WriteInformation(new HostInformationMessage { Message = line }, new[] { "PSHOST", "stderr" })),
                    token));
                SessionState.PSVariable.Set("global:LASTEXITCODE", exitCode);
            });
        }
    }
}
