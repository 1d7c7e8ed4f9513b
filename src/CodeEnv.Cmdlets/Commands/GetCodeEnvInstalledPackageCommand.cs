using System.Linq;
using System.Management.Automation;
using CodeEnv.Cmdlets.Infrastructure;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Get-CodeEnvInstalledPackage: what is actually installed in an env, read from its metadata.</summary>
    [Cmdlet(VerbsCommon.Get, "CodeEnvInstalledPackage")]
    [OutputType(typeof(InstalledPackage))]
    public sealed class GetCodeEnvInstalledPackageCommand : RootCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string Name { get; set; } = "";

        [Parameter(Position = 1)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? PackageName { get; set; }

        protected override void ProcessRecord()
        {
            ForItem(Name, () =>
            {
                var installed = Environments().InstalledPackages(Name);
                if (PackageName == null)
                {
                    WriteObject(installed, enumerateCollection: true);
                    return;
                }

                foreach (var requested in PackageName)
                {
                    var normalized = Requirements.PackageName.Normalize(requested);
                    var pattern = new WildcardPattern(normalized, WildcardOptions.IgnoreCase);
                    var matches = installed.Where(p => pattern.IsMatch(Requirements.PackageName.Normalize(p.Name))).ToList();
                    if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(requested))
                    {
                        WriteError(ErrorRecords.From(new Errors.CodeEnvException(
                            Errors.ErrorKind.NotFound,
                            "InstalledPackageNotFound",
                            $"The package '{requested}' is not installed in the env '{Name}'.",
                            requested)));
                    }

                    WriteObject(matches, enumerateCollection: true);
                }
            });
        }
    }
}
