using System.Management.Automation;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Register-CodeEnv: lists an existing venv as an env that CodeEnv does not manage.</summary>
    [Cmdlet(VerbsLifecycle.Register, "CodeEnv", SupportsShouldProcess = true)]
    [OutputType(typeof(EnvironmentInfo))]
    public sealed class RegisterCodeEnvCommand : RootCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Description { get; set; } = "";

        protected override void ProcessRecord() =>
            ForItem(Name, () =>
            {
                EnvironmentName.Validate(Name);
                Engine();
                var folder = GetUnresolvedProviderPathFromPSPath(Path);
                if (ShouldProcess($"{Name} in {EngineRoot}", $"Register the venv '{folder}'"))
                {
                    WriteObject(Call((engine, progress, token) => engine.Lifecycle.RegisterAsync(Name, folder, Description, progress, token)));
                }
            });
    }
}
