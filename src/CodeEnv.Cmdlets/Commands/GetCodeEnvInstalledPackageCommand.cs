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
        /// <summary>The envs: names, or wildcard patterns that stand for every env they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        [Parameter(Position = 1)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? PackageName { get; set; }

        protected override void ProcessRecord()
        {
            ForEachEnv(Name, name =>
            {
                var installed = Call((engine, _, token) => engine.Environments.InstalledPackagesAsync(name, token));
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
                            Errors.ErrorIds.InstalledPackageNotFound,
                            $"The package '{requested}' is not installed in the env '{name}'.",
                            requested));
                }
            });
        }
    }
}
