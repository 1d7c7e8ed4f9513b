using System.Management.Automation;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Get-CodeEnvRoot: the settings of the root in use.</summary>
    [Cmdlet(VerbsCommon.Get, "CodeEnvRoot")]
    [OutputType(typeof(RootSettings))]
    public sealed class GetCodeEnvRootCommand : RootCmdlet
    {
        protected override void ProcessRecord() =>
            ForItem(Root, () =>
            {
                WriteObject(Call((engine, _, token) => engine.Root.SettingsAsync(token)));
            });
    }
}
