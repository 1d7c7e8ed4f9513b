using System.Management.Automation;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Service;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>
    /// Start-CodeEnvService: runs the CodeEnv service of a served root in the foreground, as its service account, until
    /// it is stopped (Ctrl+C, or SIGTERM through `codeenv serve`). What systemd runs; see deploy/.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "CodeEnvService")]
    public sealed class StartCodeEnvServiceCommand : RootCmdlet
    {
        protected override void ProcessRecord()
        {
            Terminating(Root, () =>
            {
                var root = ResolveRoot().Root;
                RunEngineWithPipeline<bool>(async (reporter, token) =>
                {
                    // The service's log: one line per event on standard output, where systemd's journal takes it.
                    var host = new ServiceHost(root, line => reporter.Post(c => ((PSCmdlet)c).Host.UI.WriteLine(line)));
                    await host.RunAsync(token).ConfigureAwait(false);
                    return true;
                });
            });
        }
    }
}
