using System.Linq;
using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
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
            RootSettings? settings = null;
            if (!ForItem(Root, () => settings = RootStore.Read(ResolveRoot())))
            {
                return;
            }

            var sets = settings!.PackageSets.OrderBy(s => s.Key, System.StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var requested in SetName ?? new[] { "*" })
            {
                WriteMatching(
                    sets.Select(set => new PackageSet(set.Key, set.Value, settings.Root)),
                    requested,
                    set => set.SetName,
                    () => new Errors.CodeEnvException(
                        Errors.ErrorKind.NotFound,
                        "PackageSetNotFound",
                        $"There is no package set named '{requested}' in the root '{settings.Root}'. Sets: {string.Join(", ", sets.Select(s => s.Key))}.",
                        requested));
            }
        }
    }
}
