using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Operations;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>
    /// Publish-CodeEnvResource: puts files (or a folder's files) into an env's resources folder, where its init script,
    /// smoke test script and code find them (CODEENV_RESOURCES). The caller's process reads each file and sends its bytes,
    /// so it works on a served root where the caller cannot write the env folder.
    /// </summary>
    [Cmdlet(VerbsData.Publish, "CodeEnvResource", SupportsShouldProcess = true)]
    [OutputType(typeof(EnvironmentResource))]
    public sealed class PublishCodeEnvResourceCommand : RootCmdlet
    {
        /// <summary>The env. Not bound from the pipeline by property name: a piped file's Name is not an env's.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string Name { get; set; } = "";

        /// <summary>Files or folders of the caller's; a folder's files keep their paths below it.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        /// <summary>The folder in the resources folder they go to, such as 'models'; the resources folder itself unless given.</summary>
        [Parameter]
        [ValidateNotNull]
        public string Destination { get; set; } = "";

        protected override void ProcessRecord()
        {
            foreach (var path in Path)
            {
                var local = GetUnresolvedProviderPathFromPSPath(path);
                ForItem(local, () =>
                {
                    Engine();
                    foreach (var (file, resourcePath) in FilesOf(local))
                    {
                        if (ShouldProcess($"{Name}: {resourcePath}", $"Publish '{file}' to the resources of {Name}"))
                        {
                            WriteObject(Call((engine, _, token) => ResourceUpload.PublishAsync(engine.Lifecycle, Name, file, resourcePath, token)));
                        }
                    }
                });
            }
        }

        private IEnumerable<(string File, string ResourcePath)> FilesOf(string local)
        {
            var prefix = Destination.Trim('/', '\\');
            prefix = prefix.Length == 0 ? "" : prefix.Replace('\\', '/') + "/";
            if (Directory.Exists(local))
            {
                var root = local.TrimEnd('/', '\\') + System.IO.Path.DirectorySeparatorChar;
                return Directory.GetFiles(local, "*", SearchOption.AllDirectories)
                    .OrderBy(f => f, System.StringComparer.Ordinal)
                    .Select(f => (f, prefix + f.Substring(root.Length).Replace('\\', '/')))
                    .ToList();
            }

            if (!File.Exists(local))
            {
                throw new CodeEnv.Errors.CodeEnvException(CodeEnv.Errors.ErrorIds.ResourcePathInvalid, $"'{local}' is no file or folder; give the path of a file (or a folder) to publish.", local);
            }

            return new[] { (local, prefix + System.IO.Path.GetFileName(local)) };
        }
    }
}
