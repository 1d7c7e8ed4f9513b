using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Operations;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Set-CodeEnv: changes an environment's description, owner, usable-by-all flag, Jupyter support, containers or run-time needs (variables, init script, smoke test) as a new revision.</summary>
    [Cmdlet(VerbsCommon.Set, "CodeEnv", SupportsShouldProcess = true)]
    [OutputType(typeof(EnvironmentInfo))]
    public sealed class SetCodeEnvCommand : RootCmdlet
    {
        /// <summary>The envs: names, or wildcard patterns that stand for every env they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [ValidateNotNull]
        public string? Description { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Owner { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public bool UsableByAll { get; set; }

        /// <summary>Adds (or drops) the Jupyter kernel package among the env's base packages; the env becomes Outdated.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public bool JupyterSupport { get; set; }

        /// <summary>Which container configs include the env: None, All or Selected (with -ContainerConfig).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ContainerSelectionMode? ContainerSelection { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ContainerConfigNameCompleter))]
        public string[] ContainerConfig { get; set; } = new string[0];

        /// <summary>The env's own Dockerfile lines, such as @{ BeforePackages = 'RUN apt-get install -y libgomp1' }; used by the configs that allow them.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DockerfileFragments? ContainerDockerfile { get; set; }

        /// <summary>Variables every process of the env gets, such as @{ HTTPS_PROXY = 'http://proxy:3128'; HF_HOME = '/data/hf' }; $null or '' removes one.</summary>
        [Parameter]
        [ValidateNotNull]
        public System.Collections.Hashtable? EnvironmentVariable { get; set; }

        /// <summary>Secret variables (a string or SecureString each): kept apart, shown by name only, given only to the env's own processes; $null or '' removes one.</summary>
        [Parameter]
        [ValidateNotNull]
        public System.Collections.Hashtable? SecretVariable { get; set; }

        /// <summary>A script in the env's resources folder that each update runs in the new venv after installing; '' removes it.</summary>
        [Parameter]
        [ValidateNotNull]
        public string? InitScript { get; set; }

        /// <summary>Python code a new venv must run without error before it serves, such as 'import torch'; '' removes it.</summary>
        [Parameter]
        [ValidateNotNull]
        public string? SmokeTest { get; set; }

        /// <summary>A script in the env's resources folder a new venv must run without error before it serves; '' removes it.</summary>
        [Parameter]
        [ValidateNotNull]
        public string? SmokeTestScript { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            ForEachEnv(Name, name =>
            {
                Engine();
                if (!ShouldProcess(name, "Set CodeEnv environment"))
                {
                    return;
                }

                var change = new EnvironmentSettingsChange
                {
                    Description = Description,
                    Owner = Owner,
                    UsableByAll = MyInvocation.BoundParameters.ContainsKey(nameof(UsableByAll)) ? UsableByAll : (bool?)null,
                    JupyterSupport = MyInvocation.BoundParameters.ContainsKey(nameof(JupyterSupport)) ? JupyterSupport : (bool?)null,
                    ContainerSelection = ContainerSelection,
                    ContainerConfigs = ContainerConfig,
                    ContainerDockerfile = ContainerDockerfile,
                    EnvironmentVariables = VariableValues(EnvironmentVariable),
                    SecretVariables = VariableValues(SecretVariable),
                    InitScript = InitScript,
                    SmokeTest = SmokeTest,
                    SmokeTestScript = SmokeTestScript,
                };
                var changed = Call((engine, progress, token) => engine.Lifecycle.SetAsync(name, change, progress, token));

                if (PassThru)
                {
                    WriteObject(changed);
                }
            });
        }

        /// <summary>A hashtable's names and values as text: a SecureString is read here, in the caller's process, and never shown.</summary>
        private static System.Collections.Generic.Dictionary<string, string?>? VariableValues(System.Collections.Hashtable? table)
        {
            if (table == null)
            {
                return null;
            }

            var values = new System.Collections.Generic.Dictionary<string, string?>(System.StringComparer.Ordinal);
            foreach (System.Collections.DictionaryEntry entry in table)
            {
                var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                values[entry.Key?.ToString() ?? ""] = value is System.Security.SecureString secure ? PlainText(secure) : value?.ToString();
            }

            return values;
        }

        private static string PlainText(System.Security.SecureString secure)
        {
            var pointer = System.Runtime.InteropServices.Marshal.SecureStringToGlobalAllocUnicode(secure);
            try
            {
                return System.Runtime.InteropServices.Marshal.PtrToStringUni(pointer) ?? "";
            }
            finally
            {
                System.Runtime.InteropServices.Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
