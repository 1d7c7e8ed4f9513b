using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Python;
using CodeEnv.Requirements;

namespace CodeEnv.Resolution
{
    /// <summary>What choosing for one env depends on: its interpreter's marker values and version, the wheel tags its pip accepts, and which pip that is.</summary>
    public sealed class ResolverEnvironment
    {
        public ResolverEnvironment(IReadOnlyDictionary<string, string> markers, SupportedTags tags, PipBehavior pip)
        {
            Markers = markers;
            Tags = tags;
            Pip = pip;
            if (!markers.TryGetValue("python_full_version", out var full) || !PackageVersion.TryParse(full, out var version))
            {
                throw new CodeEnvException(ErrorIds.MarkerEnvironmentUnavailable, $"The marker values give no python_full_version ('{full}'), which Requires-Python is matched against.", full ?? "");
            }

            PythonVersion = version!;
        }

        /// <summary>The PEP 508 marker values of the env's interpreter (<see cref="MarkerProbe"/>).</summary>
        public IReadOnlyDictionary<string, string> Markers { get; }

        public PackageVersion PythonVersion { get; }

        public SupportedTags Tags { get; }

        public PipBehavior Pip { get; }

        /// <summary>The environment of a venv: its marker values (read now unless given, as installed.json keeps them) and its pip's tags (cached per interpreter and pip).</summary>
        public static async Task<ResolverEnvironment> ForVenvAsync(IProcessRunner processes, string venvPython, IReadOnlyDictionary<string, string>? markers, CancellationToken cancellation)
        {
            var tags = await SupportedTagsProbe.ProbeAsync(processes, venvPython, cancellation).ConfigureAwait(false);
            markers ??= await MarkerProbe.ProbeAsync(processes, venvPython, cancellation).ConfigureAwait(false);
            return new ResolverEnvironment(markers, new SupportedTags(tags.Tags), PipBehavior.Of(tags.PipVersion));
        }
    }
}
