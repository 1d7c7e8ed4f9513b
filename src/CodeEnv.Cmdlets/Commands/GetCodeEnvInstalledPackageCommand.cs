using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
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
                var installed = Engine().Environments.InstalledPackages(Name);
                if (PackageName == null)
                {
                    WriteObject(installed, enumerateCollection: true);
                    return;
                }

                foreach (var requested in PackageName)
                {
                    // Names compare as pip compares them: Scikit_Learn finds scikit-learn.
                    WriteMatching(
                        installed,
                        Requirements.PackageName.Normalize(requested),
                        p => Requirements.PackageName.Normalize(p.Name),
                        () => new Errors.CodeEnvException(
                            Errors.ErrorKind.NotFound,
                            "InstalledPackageNotFound",
                            $"The package '{requested}' is not installed in the env '{Name}'.",
                            requested));
                }
            });
        }
    }
}
