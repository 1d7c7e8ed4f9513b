using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Requirements;

namespace CodeEnv.Wheels
{
    /// <summary>
    /// Where each file of a wheel belongs (PEP 427): the one <c>{name}-{version}.dist-info/</c> folder, the optional
    /// <c>{name}-{version}.data/{purelib,platlib,scripts,headers,data}/</c> folders, and everything else at the root
    /// (purelib or platlib, as WHEEL's Root-Is-Purelib says). Built from a wheel's own paths.
    /// </summary>
    internal sealed class WheelLayout
    {
        /// <summary>The install scheme's keys a .data folder may name, as pip knows them.</summary>
        public static readonly IReadOnlyList<string> SchemeKeys = new[] { "purelib", "platlib", "headers", "scripts", "data" };

        private WheelLayout(string distInfo)
        {
            DistInfo = distInfo;
            DataFolder = distInfo.Substring(0, distInfo.Length - ".dist-info".Length) + ".data";
        }

        /// <summary>The metadata folder's name, "name-version.dist-info".</summary>
        public string DistInfo { get; }

        /// <summary>The data folder's name, "name-version.data", whether or not the wheel has one.</summary>
        public string DataFolder { get; }

        public string Record => DistInfo + "/RECORD";

        /// <summary>The layout of an unpacked wheel whose metadata folder is <paramref name="distInfo"/>.</summary>
        public static WheelLayout Named(string distInfo) => new WheelLayout(distInfo);

        /// <summary>
        /// The layout of a wheel with these paths, whose file name says <paramref name="name"/> and <paramref name="version"/>
        /// (both normalized); the reason it has none when it does not have exactly one .dist-info folder of that project.
        /// </summary>
        public static WheelLayout Of(IEnumerable<string> paths, string name, string version, out string? problem)
        {
            var distInfos = paths.Select(p => p.Split('/')[0]).Where(p => p.EndsWith(".dist-info", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
            problem = null;
            if (distInfos.Count != 1)
            {
                problem = distInfos.Count == 0
                    ? "it has no .dist-info folder, which every wheel holds"
                    : $"it has {distInfos.Count} .dist-info folders ({string.Join(", ", distInfos)}); a wheel holds exactly one";
                return new WheelLayout(name + "-" + version + ".dist-info");
            }

            var layout = new WheelLayout(distInfos[0]);
            var stem = distInfos[0].Substring(0, distInfos[0].Length - ".dist-info".Length);
            var dash = stem.IndexOf('-');
            if (dash <= 0
                || PackageName.Normalize(stem.Substring(0, dash)) != name
                || !PackageVersion.TryParse(stem.Substring(dash + 1), out var declared)
                || declared!.ToString() != version)
            {
                problem = $"its metadata folder '{distInfos[0]}' is not that of {name} {version}, which its file name says it is";
            }

            return layout;
        }

        /// <summary>Why <paramref name="path"/> lies outside this layout, or null when it belongs to it.</summary>
        public string? Problem(string path)
        {
            var top = path.Split('/')[0];
            if (top == DataFolder && path.Length > top.Length)
            {
                var parts = path.Split(new[] { '/' }, 3);
                if (parts.Length < 3 || parts[2].Length == 0)
                {
                    return $"it lies directly in '{DataFolder}/', where only the folders {string.Join(", ", SchemeKeys)} may be";
                }

                return SchemeKeys.Contains(parts[1]) ? null : $"'{parts[1]}' is not an install scheme folder (only {string.Join(", ", SchemeKeys)} are)";
            }

            if (top.EndsWith(".data", StringComparison.Ordinal) && path.Length > top.Length)
            {
                return $"it lies in '{top}/', a data folder of another name than the wheel's '{DataFolder}/'";
            }

            return null;
        }

        /// <summary>The scheme key a path installs under ("root" for the wheel's root) and its path below that folder.</summary>
        public (string Key, string Subpath) Place(string path)
        {
            if (path.StartsWith(DataFolder + "/", StringComparison.Ordinal))
            {
                var parts = path.Split(new[] { '/' }, 3);
                return (parts[1], parts[2]);
            }

            return ("root", path);
        }

        /// <summary>RECORD and its signatures (RECORD.jws, RECORD.p7s): the files RECORD cannot list with a hash of their own.</summary>
        public bool IsRecordOrSignature(string path) => path == Record || path == Record + ".jws" || path == Record + ".p7s";
    }
}
