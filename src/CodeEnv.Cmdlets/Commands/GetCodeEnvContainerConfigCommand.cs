using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Get-CodeEnvContainerConfig: the root's container configs.</summary>
    [Cmdlet(VerbsCommon.Get, "CodeEnvContainerConfig")]
    [OutputType(typeof(ContainerConfig))]
    public sealed class GetCodeEnvContainerConfigCommand : RootCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContainerConfigNameCompleter))]
        public string[] ConfigName { get; set; } = { "*" };

        protected override void ProcessRecord() =>
            ForItem(Root, () =>
            {
                var configs = Call((engine, _, token) => engine.Containers.ConfigsAsync(token));
                // The root a config belongs to is not part of it (nor of what the service sends): piped on, it names the root.
                foreach (var config in configs)
                {
                    config.Root = EngineRoot;
                }

                foreach (var requested in ConfigName)
                {
                    WriteMatching(configs, requested, c => c.ConfigName, () => new Errors.CodeEnvException(Errors.ErrorIds.ContainerConfigNotFound, $"There is no container config '{requested}'.", requested));
                }
            });
    }
}
