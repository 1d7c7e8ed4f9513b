using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CodeEnv.Errors;
using CodeEnv.Requirements;

namespace CodeEnv.Wheels
{
    /// <summary>
    /// A wheel unpacked in the store (<c>trees/&lt;sha256&gt;/</c>), checked against its RECORD when it was unpacked and
    /// read-only since: what an install links into a venv. Its RECORD is the list of its files.
    /// </summary>
    public sealed class StoredTree
    {
        private StoredTree(string sha256, string folder, WheelLayout layout, string name, string version, bool rootIsPurelib, IReadOnlyList<RecordRow> record, EntryPoints entryPoints)
        {
            Sha256 = sha256;
            Folder = folder;
            Layout = layout;
            Name = name;
            Version = version;
            RootIsPurelib = rootIsPurelib;
            Record = record;
            EntryPoints = entryPoints;
        }

        /// <summary>The sha256 of the wheel this tree was unpacked from.</summary>
        public string Sha256 { get; }

        /// <summary>The tree's folder: the wheel's files, as the archive holds them.</summary>
        public string Folder { get; }

        /// <summary>The project's name as its METADATA spells it (pip names the headers folder after it).</summary>
        public string Name { get; }

        /// <summary>The version as its METADATA gives it.</summary>
        public string Version { get; }

        /// <summary>The metadata folder's name, "name-version.dist-info".</summary>
        public string DistInfo => Layout.DistInfo;

        /// <summary>WHEEL's Root-Is-Purelib: whether the wheel's root installs into purelib, or else into platlib.</summary>
        public bool RootIsPurelib { get; }

        internal WheelLayout Layout { get; }

        /// <summary>The wheel's RECORD, in its own order: every file of the tree.</summary>
        internal IReadOnlyList<RecordRow> Record { get; }

        internal EntryPoints EntryPoints { get; }

        /// <summary>The same tree, read where it was, now at <paramref name="folder"/> (renamed there whole).</summary>
        internal StoredTree MovedTo(string folder) => new StoredTree(Sha256, folder, Layout, Name, Version, RootIsPurelib, Record, EntryPoints);

        /// <summary>Reads the tree in <paramref name="folder"/>; WheelInvalid when its WHEEL or METADATA is not that of the wheel <paramref name="fileName"/>.</summary>
        internal static StoredTree Open(string sha256, string folder, WheelFileName fileName)
        {
            var distInfos = Directory.GetDirectories(folder, "*.dist-info").Select(Path.GetFileName).ToList();
            if (distInfos.Count != 1)
            {
                throw Invalid(fileName, sha256, $"its tree in the store has {distInfos.Count} .dist-info folders");
            }

            var layout = WheelLayout.Named(distInfos[0]);
            var distInfo = Path.Combine(folder, layout.DistInfo);
            var wheel = Headers(Path.Combine(distInfo, "WHEEL"));
            var wheelVersion = wheel.TryGetValue("Wheel-Version", out var declared) ? declared : null;
            var major = wheelVersion?.Split('.')[0];
            if (major != "1")
            {
                throw Invalid(fileName, sha256, wheelVersion == null
                    ? "its WHEEL has no Wheel-Version"
                    : $"its WHEEL says Wheel-Version {wheelVersion}, and this installer knows Wheel-Version 1 only");
            }

            var metadata = Headers(Path.Combine(distInfo, "METADATA"));
            metadata.TryGetValue("Name", out var name);
            metadata.TryGetValue("Version", out var version);
            if (name == null || version == null || PackageName.Normalize(name) != fileName.Name
                || !PackageVersion.TryParse(version, out var parsed) || parsed!.ToString() != fileName.Version)
            {
                throw Invalid(fileName, sha256, $"its METADATA declares Name '{name}' and Version '{version}', and its file name says {fileName.Name} {fileName.Version}");
            }

            var record = RecordFile.Parse(File.ReadAllText(Path.Combine(distInfo, "RECORD"), Encoding.UTF8));
            var entryPointsFile = Path.Combine(distInfo, "entry_points.txt");
            var entryPoints = EntryPoints.None;
            if (File.Exists(entryPointsFile))
            {
                entryPoints = EntryPoints.Parse(File.ReadAllText(entryPointsFile, Encoding.UTF8), out var problem);
                problem ??= entryPoints.Console.Concat(entryPoints.Gui).Select(e => EntryPointScript.Problem(e.Key, e.Value)).FirstOrDefault(p => p != null);
                if (problem != null)
                {
                    throw Invalid(fileName, sha256, problem);
                }
            }

            var rootIsPurelib = wheel.TryGetValue("Root-Is-Purelib", out var purelib) && string.Equals(purelib, "true", StringComparison.OrdinalIgnoreCase);
            return new StoredTree(sha256, folder, layout, name, version, rootIsPurelib, record, entryPoints);
        }

        // The first value of each header of an email-style metadata file (WHEEL, METADATA), up to the blank line before its body.
        private static Dictionary<string, string> Headers(string file)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in File.ReadLines(file, Encoding.UTF8))
            {
                if (line.Length == 0)
                {
                    break;
                }

                var colon = line.IndexOf(':');
                if (colon > 0 && !char.IsWhiteSpace(line[0]) && !headers.ContainsKey(line.Substring(0, colon)))
                {
                    headers[line.Substring(0, colon)] = line.Substring(colon + 1).Trim();
                }
            }

            return headers;
        }

        private static CodeEnvException Invalid(WheelFileName fileName, string sha256, string why) => WheelRefusal.Of(ErrorIds.WheelInvalid, fileName.FileName, sha256, why);
    }
}
