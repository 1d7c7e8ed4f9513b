using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>
    /// Add-CodeEnvConsumer: declares that something depends on an env (a scheduled task, a service, a notebook project, a
    /// cron line), so Remove-CodeEnv, a Python version change and the removal of a package it pins are refused, naming it,
    /// until -Force. A consumer of the same kind and id is replaced.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "CodeEnvConsumer", SupportsShouldProcess = true)]
    [OutputType(typeof(EnvironmentConsumer))]
    public sealed class AddCodeEnvConsumerCommand : RootCmdlet
    {
        /// <summary>The envs: names, or wildcard patterns that stand for every env they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public ConsumerKind Kind { get; set; }

        /// <summary>The consumer's id within its kind: a task path, a unit name, a project folder, a crontab line's label.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        /// <summary>Whom to ask before breaking it (a user, a team, an address); the calling user when not given.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Owner { get; set; }

        // Owner and Description do not bind from the pipeline: Get-CodeEnv's objects carry the env's own.
        [Parameter]
        public string? Description { get; set; }

        /// <summary>Package names the consumer needs: removing one of them from the env's requested packages is refused.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Packages")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(RequestedPackageNameCompleter))]
        public string[] Package { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            ForEachEnv(Name, name =>
            {
                Engine();
                if (!ShouldProcess(name, $"Declare the consumer {Kind} '{Id}'"))
                {
                    return;
                }

                var declaration = new ConsumerDeclaration { Kind = Kind, Id = Id, Owner = Owner, Description = Description, Packages = Package };
                WriteObject(Call((engine, progress, token) => engine.Usages.AddConsumerAsync(name, declaration, progress, token)));
            });
        }
    }
}
