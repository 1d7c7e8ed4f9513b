using System.Management.Automation;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>
    /// Get-CodeEnvUnused: the envs nobody used for the root's UnusedAfterDays (Set-CodeEnvRoot -UnusedAfterDays), from the
    /// uses CodeEnv recorded and each env's LastUsed (an env never used counts from its creation), oldest first, for a
    /// job to act on: <c>Get-CodeEnvUnused | Disable-CodeEnv</c>. Envs with declared consumers are left out unless
    /// -IncludeDeclared; envs the caller may not use are left out.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CodeEnvUnused")]
    [OutputType(typeof(UnusedEnvironment))]
    public sealed class GetCodeEnvUnusedCommand : RootCmdlet
    {
        /// <summary>Days without a use instead of the root's setting; 0 lists every env.</summary>
        [Parameter]
        public int? Days { get; set; }

        /// <summary>Also envs that have declared consumers (their Consumers property names them).</summary>
        [Parameter]
        public SwitchParameter IncludeDeclared { get; set; }

        protected override void ProcessRecord()
        {
            ForItem(null, () => WriteObject(Call((engine, _, token) => engine.Usages.UnusedAsync(Days, IncludeDeclared, token)), enumerateCollection: true));
        }
    }
}
