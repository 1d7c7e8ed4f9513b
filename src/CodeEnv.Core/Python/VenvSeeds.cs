using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Operations;
using CodeEnv.Store;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Python
{
    /// <summary>
    /// Makes a venv in a fraction of `python -m venv`'s time. Per interpreter, one real venv (the seed) is built once
    /// under cache/seeds/ by `python -m venv`; a new venv is then laid out from it: the interpreter symlinks made
    /// anew, the scripts and pyvenv.cfg rewritten for the new path, and the seeded packages (pip, and setuptools where
    /// the interpreter seeds it) hard-linked from the seed, whose package files are read-only (<see cref="StoreModes"/>),
    /// as the package store's are: twenty envs hold one pip, and the result is an ordinary venv that survives the seed's
    /// deletion. Everything a venv's own scripts or config name is written for it, never linked.
    /// </summary>
    internal sealed class VenvSeeds
    {
        private const string ReadyFile = "seed.json";

        /// <summary>Marks a seed whose package files are read-only, so venvs may link them.</summary>
        private const string ReadOnlyMark = "packages-read-only";

        private readonly RootPaths paths;
        private readonly VenvBuilder builder;

        public VenvSeeds(RootPaths paths, VenvBuilder builder)
        {
            this.paths = paths;
            this.builder = builder;
        }

        /// <summary>Lays out a venv at <paramref name="target"/> from the interpreter's seed, building the seed first when needed.</summary>
        /// <param name="linkMode">The root's LinkMode: a Copy root's venvs share no inode with the seed either.</param>
        public async Task CreateAsync(PythonInterpreter interpreter, string target, OperationLog log, CancellationToken cancellation, LinkMode linkMode = LinkMode.Link)
        {
            if (Platform.IsWindows)
            {
                // Windows venvs hold copied launchers, not symlinks; they are made the usual way.
                await builder.CreateVenvAsync(interpreter, target, log, cancellation).ConfigureAwait(false);
                return;
            }

            var seed = Path.Combine(paths.Cache, "seeds", Key(interpreter));
            var builtAt = ReadBuiltAt(seed) ?? await BuildSeedOnceAsync(interpreter, seed, log, cancellation).ConfigureAwait(false);
            log.Line($"> laying out {target} from the seed {seed}");
            var seedVenv = Path.Combine(seed, "venv");
            // A seed built before its packages were read-only is made so now: nothing may link a file its venv could write.
            if (!File.Exists(Path.Combine(seed, ReadOnlyMark)))
            {
                MakePackagesReadOnly(seedVenv);
                File.WriteAllText(Path.Combine(seed, ReadOnlyMark), "");
            }

            Clone(seedVenv, builtAt, target, new FileLinker(linkMode), InstalledPackageReader.SitePackages(seedVenv).ToList());
        }

        /// <summary>
        /// Builds the seed unless another process is building it: then waits for that one and uses it. Several first envs
        /// of one interpreter made at once (a job creating a dozen, two users on a new root) built a seed each, a
        /// `python -m venv` with ensurepip apiece, and kept one.
        /// </summary>
        private async Task<string> BuildSeedOnceAsync(PythonInterpreter interpreter, string seed, OperationLog log, CancellationToken cancellation)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(seed)!);
            var holder = LockHolder.ThisProcess($"building the seed venv of Python {interpreter.Version}", Environment.UserName, DateTimeOffset.UtcNow);
            using (FileLock.Acquire(seed + ".lock", holder, SeedBuildTimeout, $"The seed venv of Python {interpreter.Version}", cancellation))
            {
                return ReadBuiltAt(seed) ?? await BuildSeedAsync(interpreter, seed, log, cancellation).ConfigureAwait(false);
            }
        }

        // A seed is built in seconds; a holder that died released the lock with its process.
        private static readonly TimeSpan SeedBuildTimeout = TimeSpan.FromMinutes(10);

        private async Task<string> BuildSeedAsync(PythonInterpreter interpreter, string seed, OperationLog log, CancellationToken cancellation)
        {
            // Built beside its place and renamed into it, so a half-built seed is never used.
            var building = seed + "." + Guid.NewGuid().ToString("N");
            var venv = Path.Combine(building, "venv");
            Directory.CreateDirectory(building);
            try
            {
                await builder.CreateVenvAsync(interpreter, venv, log, cancellation).ConfigureAwait(false);
                MakePackagesReadOnly(venv);
                File.WriteAllText(Path.Combine(building, ReadOnlyMark), "");
                File.WriteAllText(Path.Combine(building, ReadyFile), new JObject { ["interpreter"] = interpreter.Path, ["version"] = interpreter.Version.ToString(), ["builtAt"] = venv }.ToString());
                try
                {
                    Directory.Move(building, seed);
                }
                catch (IOException)
                {
                    // Another process put its seed in place first; either serves.
                    Trash.Empty(building);
                }
            }
            catch
            {
                Trash.Empty(building);
                throw;
            }

            return ReadBuiltAt(seed) ?? throw new IOException($"The seed venv at '{seed}' could not be read after it was built.");
        }

        private static string? ReadBuiltAt(string seed)
        {
            var ready = Path.Combine(seed, ReadyFile);
            try
            {
                return File.Exists(ready) && Directory.Exists(Path.Combine(seed, "venv")) ? JObject.Parse(File.ReadAllText(ready)).Value<string>("builtAt") : null;
            }
            catch (Newtonsoft.Json.JsonException)
            {
                return null;
            }
        }

        /// <param name="sitePackages">The seed's site-packages folders, whose files are linked.</param>
        private static void Clone(string seedVenv, string builtAt, string target, FileLinker linker, IReadOnlyList<string> sitePackages)
        {
            Directory.CreateDirectory(target);
            foreach (var entry in new DirectoryInfo(seedVenv).EnumerateFileSystemInfos())
            {
                var destination = Path.Combine(target, entry.Name);
                var link = UnixLinks.ReadSymbolicLink(entry.FullName);
                if (link != null)
                {
                    UnixLinks.CreateSymbolicLink(destination, link);
                }
                else if (entry is DirectoryInfo directory)
                {
                    Clone(directory.FullName, builtAt, destination, linker, sitePackages);
                }
                else if (NamesItsVenv(entry.FullName, seedVenv))
                {
                    var text = File.ReadAllText(entry.FullName).Replace(builtAt, VenvRoot(target, entry.FullName, seedVenv));
                    File.WriteAllText(destination, text, new UTF8Encoding(false));
                    if (text.StartsWith("#!", StringComparison.Ordinal))
                    {
                        UnixLinks.TryMakeExecutable(destination);
                    }
                }
                else if (sitePackages.Any(site => entry.FullName.StartsWith(site + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
                {
                    // Read-only for everyone, so a link lets no env change another or the seed.
                    linker.Place(entry.FullName, destination);
                }
                else
                {
                    // Anything else of the venv's own (include/, lib64 files): a copy, as it may be written.
                    File.Copy(entry.FullName, destination);
                }
            }
        }

        /// <summary>The seed's package files, read-only for everyone: the venvs laid out from it link them.</summary>
        private static void MakePackagesReadOnly(string seedVenv)
        {
            foreach (var site in InstalledPackageReader.SitePackages(seedVenv))
            {
                foreach (var file in Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories))
                {
                    if (UnixLinks.ReadSymbolicLink(file) == null)
                    {
                        StoreModes.MakeReadOnly(file, StoreModes.IsExecutable(file));
                    }
                }
            }
        }

        // Scripts in bin/ and pyvenv.cfg name the venv's own path; everything else is position-independent.
        private static bool NamesItsVenv(string file, string folder) =>
            Path.GetFileName(folder) == "bin" || Path.GetFileName(file) == "pyvenv.cfg";

        private static string VenvRoot(string targetFolder, string file, string seedFolder) =>
            Path.GetFileName(file) == "pyvenv.cfg" ? targetFolder : Path.GetDirectoryName(targetFolder)!;

        private static string Key(PythonInterpreter interpreter)
        {
            var file = new FileInfo(RealPath.Of(interpreter.Path));
            var identity = $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}|{interpreter.Version}";
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(identity));
                return interpreter.Version + "-" + string.Concat(hash.Take(6).Select(b => b.ToString("x2")));
            }
        }
    }
}
