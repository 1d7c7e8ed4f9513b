using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Containers;
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

        /// <summary>
        /// Runs the env's python in its image for this container config (Update-CodeEnvImage builds it), with the container
        /// engine. Not -ContainerConfig: no parameter of this cmdlet may start with a letter of python's own options, or
        /// `-c 'code'` would bind to it instead of reaching python.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContainerConfigNameCompleter))]
        public string? Target { get; set; }

        /// <summary>The container's network with -Target: none unless asked.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Network { get; set; } = "none";

        protected override void ProcessRecord()
        {
            ForItem(Name, () =>
            {
                // The engine says whether the caller may use the env; this process then starts its python, as the caller, and
                // on a served root the env folder's ACL has the last word. A python may run for hours: it holds no
                // connection to the service meanwhile.
                var environment = Call((engine, _, token) => engine.Lifecycle.UsableAsync(Name, Target, token));
                // The env's variables, its secrets too (the engine gives them to a caller with Use alone): in the process's
                // environment, never on its command line.
                var variables = Call((engine, _, token) => engine.Lifecycle.RunVariablesAsync(Name, token));
                var (program, arguments) = (environment.PythonPath, (IReadOnlyList<string>)ArgumentList);
                var workingFolder = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
                if (Target != null)
                {
                    // The image is run by the caller's own engine: on a served root it pulls what the service pushed.
                    var image = ImageToRun.Of(environment, Target, Call((engine, _, token) => engine.Containers.ImagesAsync(Name, token)));
                    var containers = ContainerEngine.Find(null, System.Environment.GetEnvironmentVariable("PATH"));
                    (program, arguments) = (containers.Path, containers.Run(image.Reference, Network, workingFolder, new[] { environment.VenvPath + "/bin/python" }.Concat(ArgumentList), interactive: false, passedVariables: variables.Keys));
                }

                Dispose();
                var exitCode = RunEngineWithPipeline(async (pipeline, token) => (await SystemProcessRunner.Instance.RunAsync(
                    program,
                    arguments,
                    line => pipeline.Post(c => c.WriteObject(line)),
                    token,
                    variables.ToDictionary(v => v.Key, v => (string?)v.Value),
                    // stderr is shown as a native command's is, and can be captured with 6>, without failing the caller's script.
                    line => pipeline.Post(c => c.WriteInformation(new HostInformationMessage { Message = line }, new[] { "PSHOST", "stderr" })),
                    // The caller's current folder, as pwsh gives any native command: ./train.py means the script beside them.
                    workingDirectory: workingFolder).ConfigureAwait(false)).ExitCode);
                SessionState.PSVariable.Set("global:LASTEXITCODE", exitCode);
            });
        }
    }
}
