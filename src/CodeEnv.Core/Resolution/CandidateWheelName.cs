using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// What a wheel's file name says, read as pip reads it (<c>pip._internal.models.wheel.Wheel</c>):
    /// name-version(-build)?-python-abi-platform.whl, each of the last three a dot-separated list whose combinations are
    /// the wheel's tags. Lenient as pip is, since it decides what pip would choose; a file the store keeps is named by
    /// the strict <see cref="Wheels.WheelFileName"/>, which normalizes and refuses what is not a plain wheel name.
    /// </summary>
    public sealed class CandidateWheelName
    {
        private static readonly Regex Pattern = new Regex(
            @"^(?<name>[^\s-]+?)-(?<ver>[^\s-]*?)(-(?<build>\d[^-]*?))?-(?<pyver>[^\s-]+?)-(?<abi>[^\s-]+?)-(?<plat>[^\s-]+?)\.whl$",
            RegexOptions.CultureInvariant);

        private static readonly Regex BuildTagParts = new Regex(@"^(\d+)(.*)$", RegexOptions.CultureInvariant);

        private CandidateWheelName(string name, string version, string? buildTag, IReadOnlyList<string> tags)
        {
            Name = name;
            Version = version;
            BuildTag = buildTag;
            Tags = tags;
        }

        /// <summary>The name as written, '_' read as '-'.</summary>
        public string Name { get; }

        /// <summary>The version as written, '_' read as '-'.</summary>
        public string Version { get; }

        /// <summary>The optional build tag (a number first); a wheel with one is preferred to the same wheel without.</summary>
        public string? BuildTag { get; }

        /// <summary>Every python-abi-platform combination, lower-cased as packaging's Tag holds them.</summary>
        public IReadOnlyList<string> Tags { get; }

        /// <summary>The build tag as pip orders it: its number, then the rest compared as text.</summary>
        public (long Number, string Text)? BuildTagOrder
        {
            get
            {
                var match = BuildTag == null ? null : BuildTagParts.Match(BuildTag);
                return match != null && match.Success && long.TryParse(match.Groups[1].Value, out var number) ? (number, match.Groups[2].Value) : ((long, string)?)null;
            }
        }

        public static bool TryParse(string fileName, out CandidateWheelName? wheel)
        {
            wheel = null;
            var match = Pattern.Match(fileName);
            if (!match.Success)
            {
                return false;
            }

            var tags = (
                from python in match.Groups["pyver"].Value.Split('.')
                from abi in match.Groups["abi"].Value.Split('.')
                from platform in match.Groups["plat"].Value.Split('.')
                select $"{python}-{abi}-{platform}".ToLowerInvariant()).Distinct().ToList();
            wheel = new CandidateWheelName(
                match.Groups["name"].Value.Replace('_', '-'),
                match.Groups["ver"].Value.Replace('_', '-'),
                match.Groups["build"].Success ? match.Groups["build"].Value : null,
                tags);
            return true;
        }
    }
}
