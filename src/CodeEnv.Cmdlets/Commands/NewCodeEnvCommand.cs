using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Operations;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>New-CodeEnv: creates an environment with a real venv and the root's base packages.</summary>
    [Cmdlet(VerbsCommon.New, "CodeEnv", SupportsShouldProcess = true, DefaultParameterSetName = ByVersion)]
    [OutputType(typeof(EnvironmentInfo))]
    public sealed class NewCodeEnvCommand : RootCmdlet
    {
        private const string ByVersion = "ByVersion";
        private const string ByInterpreter = "ByInterpreter";
        private const string FromExistingVenv = "FromVenv";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = ByVersion, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PythonVersionCompleter))]
        public string PythonVersion { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = ByInterpreter, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Interpreter { get; set; } = "";

        /// <summary>A venv made by hand: the new env gets its Python and its top-level packages, pinned. It is only read.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FromExistingVenv)]
        [ValidateNotNullOrEmpty]
        public string FromVenv { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Description { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("RequestedPackages")]
        [ValidateNotNull]
        public string[] Requirement { get; set; } = new string[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PackageSets")]
        [ValidateNotNull]
        public string[] PackageSet { get; set; } = new string[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter JupyterSupport { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ContainerSelectionMode ContainerSelection { get; set; } = ContainerSelectionMode.None;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ContainerConfigNameCompleter))]
        public string[] ContainerConfig { get; set; } = new string[0];

        /// <summary>Only record the definition; Update-CodeEnv builds the venv later.</summary>
        [Parameter]
        public SwitchParameter NoInstall { get; set; }

        protected override void ProcessRecord()
        {
            ForItem(Name, () =>
            {
                EnvironmentName.Validate(Name);
                Engine();
                if (!ShouldProcess($"{Name} in {EngineRoot}", "Create CodeEnv environment"))
                {
                    return;
                }

                var request = new NewEnvironmentRequest
                {
                    Name = Name,
                    PythonVersion = ParameterSetName == ByVersion ? PythonVersion : null,
                    // python3 -> python3.11, a venv's python -> its base: the engine compares the real file with the ones it knows.
                    InterpreterPath = ParameterSetName == ByInterpreter ? RealPath.Of(GetUnresolvedProviderPathFromPSPath(Interpreter)) : null,
                    Description = Description,
                    NoInstall = NoInstall,
                    Requirements = Requirement,
                    PackageSets = PackageSet,
                    JupyterSupport = JupyterSupport,
                    ContainerSelection = ContainerSelection,
                    ContainerConfigs = ContainerConfig,
                };
                WriteObject(Call((engine, progress, token) =>
                {
                    if (ParameterSetName == FromExistingVenv)
                    {
                        // This process reads the venv, as the caller: the engine gets its Python version and packages only.
                        request = VenvAdoption.Request(request, GetUnresolvedProviderPathFromPSPath(FromVenv), EngineRoot, progress);
                    }

                    return engine.Lifecycle.CreateAsync(request, progress, token);
                }));
            });
        }
    }
}
