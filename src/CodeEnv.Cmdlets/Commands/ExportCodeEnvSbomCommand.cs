using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Errors;
using CodeEnv.Operations;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>
    /// Export-CodeEnvSbom: each env's CycloneDX SBOM (JSON, 1.6 or 1.5) of its installed set. With -Path, written to that
    /// file, or to &lt;Name&gt;.cdx.json in an existing folder, and the file is output; without it, the document's text.
    /// </summary>
    [Cmdlet(VerbsData.Export, "CodeEnvSbom", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo), typeof(string))]
    public sealed class ExportCodeEnvSbomCommand : RootCmdlet
    {
        private readonly Dictionary<string, string> written = new Dictionary<string, string>(StringComparer.Ordinal);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string[] Name { get; set; } = Array.Empty<string>();

        /// <summary>The file to write, or an existing folder to write &lt;Name&gt;.cdx.json into; without it the document is output as text.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>The CycloneDX specification version: 1.6 (the default) or 1.5.</summary>
        [Parameter]
        [ValidateSet("1.5", "1.6")]
        public string SpecVersion { get; set; } = "1.6";

        protected override void ProcessRecord() =>
            ForEachEnv(Name, name =>
            {
                if (Path == null)
                {
                    WriteObject(Call((engine, _, token) => engine.Transfer.SbomAsync(name, SpecVersion, token)));
                    return;
                }

                var target = GetUnresolvedProviderPathFromPSPath(Path);
                var file = Directory.Exists(target) ? System.IO.Path.Combine(target, name + ".cdx.json") : target;
                if (written.TryGetValue(file, out var first))
                {
                    throw new CodeEnvException(
                        ErrorIds.SbomPathIsOneFile,
                        $"'{file}' already holds the SBOM of '{first}' from this command, so the SBOM of '{name}' was not written. Give an existing folder as -Path to write one <Name>.cdx.json per env.",
                        name);
                }

                if (ShouldProcess(file, $"Export the SBOM of '{name}'"))
                {
                    ExportFile.Write(file, Call((engine, _, token) => engine.Transfer.SbomAsync(name, SpecVersion, token)));
                    written[file] = name;
                    WriteObject(new FileInfo(file));
                }
            });
    }
}
