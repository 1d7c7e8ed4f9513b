using CodeEnv.Store;
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace CodeEnv.Wheels
{
    /// <summary>
    /// One stored tree installed into one venv's scheme, as pip's wheel installer does it (pip/_internal/operations/install/
    /// wheel.py): the root into purelib or platlib, each .data folder into its scheme folder, setuptools' script wrappers
    /// left out, '#!python' scripts given the venv's python, entry point scripts written, the compiled modules of the venv's
    /// cache tag placed beside their sources, INSTALLER, REQUESTED and direct_url.json written, and RECORD rewritten for
    /// the installed paths (relative to the root's folder) in pip's order, compiled modules listed without a digest as
    /// pip lists them. Tree files are linked (<see cref="FileLinker"/>); whatever is written is a new file of the venv.
    /// </summary>
    /// <remarks>
    /// One difference from pip remains: a .data/scripts file named *.py that starts with '#!python' is rewritten for each
    /// venv, so the store's bytecode (compiled from the unrewritten file) does not fit it, and it is installed without
    /// the .pyc pip would compile and list for it; Python compiles it when it is first imported, if it ever is.
    /// </remarks>
    internal sealed class WheelInstallation
    {
        private const string Installer = "codeenv\n";

        private readonly InstallScheme scheme;
        private readonly StoredTree tree;
        private readonly FileLinker linker;
        private readonly PackageStore store;
        private readonly string bytecode;
        private readonly string libDir;
        private readonly string[] libDirParts;
        private readonly Dictionary<string, string> installed = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly List<string> compiled = new List<string>();
        private readonly HashSet<string> changed = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<string> generated = new List<string>();
        private readonly HashSet<string> folders = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Folder, string RecordPrefix)> targets = new Dictionary<string, (string, string)>(StringComparer.Ordinal);

        public WheelInstallation(PackageStore store, InstallScheme scheme, StoredTree tree, LinkMode linkMode)
        {
            this.store = store;
            this.scheme = scheme;
            this.tree = tree;
            bytecode = store.Bytecode(tree, scheme.CacheTag);
            linker = new FileLinker(linkMode, tree.Folder, bytecode);
            libDir = tree.RootIsPurelib ? scheme.Purelib : scheme.Platlib;
            libDirParts = Path.GetFullPath(libDir).TrimEnd(Path.DirectorySeparatorChar).Split(Path.DirectorySeparatorChar);
        }

        public InstalledWheel Run(bool requested, string? directUrl)
        {
            var hasBytecode = Directory.Exists(bytecode);
            foreach (var row in InPipsOrder(tree.Record))
            {
                Place(row.Path, hasBytecode);
            }

            foreach (var (name, value) in EntryPointScript.Scripts(tree.EntryPoints, scheme.PythonVersion))
            {
                var script = Path.Combine(scheme.Scripts, name);
                WriteNew(script, EntryPointScript.Text(scheme.Python, value));
                StoreModes.AddExecute(script, 0x16D /* r-x for all, as distlib sets it */);
            }

            var distInfo = Path.Combine(libDir, tree.DistInfo);
            WriteShared(Path.Combine(distInfo, "INSTALLER"), Encoding.UTF8.GetBytes(Installer));
            if (directUrl != null)
            {
                WriteShared(Path.Combine(distInfo, "direct_url.json"), Encoding.UTF8.GetBytes(directUrl));
            }

            if (requested)
            {
                WriteNew(Path.Combine(distInfo, "REQUESTED"), Array.Empty<byte>());
            }

            WriteRecord(Path.Combine(distInfo, "RECORD"));
            return new InstalledWheel(tree.Name, tree.Version, tree.Sha256, distInfo, linker.Linked, linker.Copied, generated.Count + changed.Count + 1);
        }

        // pip places the root's files, then the .data folders' other than scripts, then scripts (each in the wheel's
        // order; OrderBy is stable): where two land on one path, the later wins.
        private IEnumerable<RecordRow> InPipsOrder(IEnumerable<RecordRow> rows) => rows.OrderBy(row =>
        {
            var key = tree.Layout.Place(row.Path).Key;
            return key == "root" ? 0 : key == "scripts" ? 2 : 1;
        });

        private void Place(string path, bool hasBytecode)
        {
            var source = Path.Combine(tree.Folder, Native(path));
            if (tree.Layout.IsRecordOrSignature(path) && !File.Exists(source))
            {
                return; // a signature RECORD lists but the wheel does not carry
            }

            var (key, subpath) = tree.Layout.Place(path);
            var target = Target(key);
            var destination = Path.Combine(target.Folder, Native(subpath));
            // The tree's paths are safe (no '.', '..' or empty part: TreeUnpacker refused others), so the installed path is
            // the folder's, worked out once, and the subpath: no full path to build and split per file.
            var recordPath = target.RecordPrefix + subpath;
            if (path == tree.Layout.Record)
            {
                installed[path] = recordPath; // rewritten at the end
                return;
            }

            if (key == "scripts")
            {
                if (tree.EntryPoints.IsWrapper(Path.GetFileName(destination)))
                {
                    return;
                }

                if (StartsWithPythonShebang(source))
                {
                    var script = File.ReadAllBytes(source);
                    var end = Array.IndexOf(script, (byte)'\n');
                    var rest = end < 0 ? Array.Empty<byte>() : script.Skip(end + 1).ToArray();
                    WriteNew(destination, EntryPointScript.FixedFirstLine(scheme.Python).Concat(rest).ToArray(), counted: false);
                    if (StoreModes.IsExecutable(source))
                    {
                        StoreModes.AddExecute(destination);
                    }

                    installed[path] = RecordPath(destination);
                    changed.Add(installed[path]);
                    return;
                }
            }

            EnsureFolder(Path.GetDirectoryName(destination)!);
            linker.Place(source, destination);
            installed[path] = recordPath;
            if (hasBytecode && path.EndsWith(".py", StringComparison.Ordinal))
            {
                PlaceCompiled(path, destination, recordPath);
            }
        }

        // The module's .pyc where importlib.util.cache_from_source puts it: __pycache__/<name>.<tag>.pyc beside the source.
        private void PlaceCompiled(string path, string destination, string recordPath)
        {
            var fileName = Path.GetFileName(destination);
            var compiledName = fileName.Substring(0, fileName.Length - ".py".Length) + "." + scheme.CacheTag + ".pyc";
            var slash = path.LastIndexOf('/');
            var source = Path.Combine(bytecode, slash < 0 ? "" : Native(path.Substring(0, slash)), "__pycache__", compiledName);
            if (!File.Exists(source))
            {
                return; // it did not compile, and pip would not list it either
            }

            var target = Path.Combine(Path.GetDirectoryName(destination)!, "__pycache__", compiledName);
            EnsureFolder(Path.GetDirectoryName(target)!);
            linker.Place(source, target);
            var folder = recordPath.LastIndexOf('/');
            compiled.Add(recordPath.Substring(0, folder + 1) + "__pycache__/" + compiledName);
        }

        // pip's get_csv_rows_for_installed: the wheel's rows with their installed paths, rehashed where the install changed
        // the file; then the files it generated, hashed; then what it installed that the wheel's RECORD did not list.
        private void WriteRecord(string record)
        {
            var rows = new List<RecordRow>();
            var unlisted = new Dictionary<string, string>(installed, StringComparer.Ordinal);
            foreach (var row in tree.Record)
            {
                var path = unlisted.TryGetValue(row.Path, out var installedPath) ? installedPath : row.Path;
                unlisted.Remove(row.Path);
                if (changed.Contains(path))
                {
                    var (digest, size) = RecordHash.OfFile(Path.Combine(libDir, Native(path)));
                    rows.Add(new RecordRow(path, digest, size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
                else
                {
                    rows.Add(row.Path == path ? row : new RecordRow(path, row.Hash, row.Size));
                }
            }

            foreach (var file in generated)
            {
                var (digest, size) = RecordHash.OfFile(file);
                rows.Add(new RecordRow(RecordPath(file), digest, size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            rows.AddRange(unlisted.Values.Concat(compiled).Select(p => new RecordRow(p, "", "")));
            WriteShared(record, Encoding.UTF8.GetBytes(RecordFile.Write(rows)), counted: false);
        }

        /// <summary>
        /// A file the installer writes alike into every venv of the same layout (INSTALLER, RECORD, direct_url.json): the
        /// store's one copy linked (<see cref="PackageStore.Written"/>), or copied where the venv links nothing.
        /// </summary>
        private void WriteShared(string path, byte[] content, bool counted = true)
        {
            EnsureFolder(Path.GetDirectoryName(path)!);
            File.Delete(path);
            linker.Place(store.Written(content), path);
            if (counted)
            {
                generated.Add(path);
            }
        }

        /// <summary>A new file of the venv: whatever was at the path (perhaps a link to the store) is unlinked, never written through.</summary>
        private void WriteNew(string path, byte[] content, bool counted = true)
        {
            EnsureFolder(Path.GetDirectoryName(path)!);
            File.Delete(path);
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(content, 0, content.Length);
            }

            if (counted)
            {
                generated.Add(path);
            }
        }

        private void EnsureFolder(string folder)
        {
            if (folders.Add(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        // The folder a scheme key installs into and its path relative to the root's folder, "" for the root's own.
        private (string Folder, string RecordPrefix) Target(string key)
        {
            if (!targets.TryGetValue(key, out var target))
            {
                var folder = key == "root" ? libDir : scheme.Folder(key, tree.Name)!;
                var relative = RecordPath(folder.TrimEnd(Path.DirectorySeparatorChar)).TrimEnd('/');
                target = (folder, relative.Length == 0 ? "" : relative + "/");
                targets[key] = target;
            }

            return target;
        }

        // os.path.relpath(path, lib_dir) with '/' separators: scripts and data land outside site-packages, as "../../../bin/tool".
        private string RecordPath(string path)
        {
            var to = Path.GetFullPath(path).Split(Path.DirectorySeparatorChar);
            var common = 0;
            while (common < libDirParts.Length && common < to.Length && libDirParts[common] == to[common])
            {
                common++;
            }

            return string.Join("/", Enumerable.Repeat("..", libDirParts.Length - common).Concat(to.Skip(common)));
        }

        // pip's fix_script: the first line starts with "#!python" (which "#!pythonw" does too).
        private static bool StartsWithPythonShebang(string script)
        {
            var start = new byte[8];
            using (var file = new FileStream(script, FileMode.Open, FileAccess.Read, FileShare.Read, 8))
            {
                var read = 0;
                int n;
                while (read < start.Length && (n = file.Read(start, read, start.Length - read)) > 0)
                {
                    read += n;
                }

                return read == start.Length && Encoding.ASCII.GetString(start) == "#!python";
            }
        }

        private static string Native(string path) => path.Replace('/', Path.DirectorySeparatorChar);
    }
}
