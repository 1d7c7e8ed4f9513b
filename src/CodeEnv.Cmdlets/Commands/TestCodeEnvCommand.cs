using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Test-CodeEnv: an env's health and drift: interpreter, venv, every requirement, broken dependencies.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "CodeEnv")]
    [OutputType(typeof(HealthReport))]
    [OutputType(typeof(bool))]
    public sealed class TestCodeEnvCommand : RootCmdlet
    {
        /// <summary>The envs: names, or wildcard patterns that stand for every env they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Returns only $true (Healthy) or $false, as Test-Path does.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <summary>Also compares every installed file with the package store's hashes (or its RECORD) and checks the store's files the env uses.</summary>
        [Parameter]
        public SwitchParameter VerifyFiles { get; set; }

        protected override void ProcessRecord()
        {
            ForEachEnv(Name, name =>
            {
                Engine();
                var report = Call((engine, _, token) => engine.Lifecycle.TestAsync(name, VerifyFiles, token));
                foreach (var image in report.OutdatedImages)
                {
                    WriteWarning(image);
                }

                WriteObject(Quiet ? (object)(report.Status == HealthStatus.Healthy) : report);
            });
        }
    }
}
