using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Operations;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Get-CodeEnvPackageSet: the named package sets of the root.</summary>
    [Cmdlet(VerbsCommon.Get, "CodeEnvPackageSet")]
    [OutputType(typeof(PackageSet))]
    public sealed class GetCodeEnvPackageSetCommand : RootCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PackageSetNameCompleter))]
        public string[]? SetName { get; set; }

        protected override void ProcessRecord()
        {
            IReadOnlyList<PackageSet> sets = new PackageSet[0];
            if (!ForItem(Root, () => sets = Call((engine, _, token) => engine.Packages.SetsAsync(token))))
            {
                return;
            }

            foreach (var requested in SetName ?? new[] { "*" })
            {
                WriteMatching(
                    sets,
                    requested,
                    set => set.SetName,
                    () => new Errors.CodeEnvException(
                        Errors.ErrorIds.PackageSetNotFound,
                        $"There is no package set named '{requested}' in the root '{EngineRoot}'. Sets: {string.Join(", ", sets.Select(s => s.SetName))}.",
                        requested));
            }
        }
    }
}
