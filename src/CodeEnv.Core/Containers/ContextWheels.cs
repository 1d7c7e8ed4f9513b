using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Packages;
using CodeEnv.Requirements;
using CodeEnv.Resolution;
using CodeEnv.Store;
using CodeEnv.Wheels;

namespace CodeEnv.Containers
{
    /// <summary>
    /// The archives a build context carries so the image's pip installs the env's exact set with no network: each locked
    /// distribution's wheel from the package store (the file its lock's sha256 names, or the wheel the store built from
    /// that sdist), else a same-named archive of the root's wheelhouse or local find-links; and the venv's own tooling
    /// (pip, setuptools, wheel) at the env's versions from the store, the env interpreter's ensurepip bundle or Debian's
    /// python-wheels. A distribution found nowhere is left to the image's pip and the root's package sources.
    /// </summary>
    internal sealed class ContextWheels
    {
        private readonly List<(LockedPackage Package, string Path, string Sha256)> packages = new List<(LockedPackage, string, string)>();
        private readonly List<(LockedPackage Package, string Path)> tooling = new List<(LockedPackage, string)>();
        private readonly List<LockedPackage> unfound = new List<LockedPackage>();
        private readonly List<LockedPackage> toolingUnfound = new List<LockedPackage>();

        /// <summary>Every locked distribution but the tooling with the archive the image installs it from and that archive's sha256.</summary>
        public IReadOnlyList<(LockedPackage Package, string Path, string Sha256)> Packages => packages;

        /// <summary>The venv's tooling (pip first) with the wheel the image installs it from.</summary>
        public IReadOnlyList<(LockedPackage Package, string Path)> Tooling => tooling;

        /// <summary>Locked distributions (not tooling) with no archive here: the image's pip fetches them from the root's sources.</summary>
        public IReadOnlyList<LockedPackage> Unfound => unfound;

        /// <summary>Tooling whose wheel is nowhere here.</summary>
        public IReadOnlyList<LockedPackage> ToolingUnfound => toolingUnfound;

        public static ContextWheels For(InstalledLock installed, PackageStore store, RootSettingsDocument settings)
        {
            var wheels = new ContextWheels();
            var local = LocalArchives(settings).ToList();
            // Which stored wheel was built from which sdist, read once for the whole lock.
            var builtFrom = new Lazy<ILookup<string, string>>(() => new SdistBuilds(store).All().ToLookup(b => b.SdistSha256, b => b.WheelSha256, StringComparer.OrdinalIgnoreCase));
            foreach (var package in installed.Packages.OrderBy(p => PackageName.Normalize(p.Name), StringComparer.Ordinal))
            {
                var isTooling = InstalledSetCheck.VenvTooling.Contains(PackageName.Normalize(package.Name));
                if (isTooling)
                {
                    var wheel = FromStore(package, store, builtFrom)?.Path ?? ToolingWheel(package, installed.Python.Interpreter, local);
                    if (wheel == null)
                    {
                        wheels.toolingUnfound.Add(package);
                    }
                    else
                    {
                        wheels.tooling.Add((package, wheel));
                    }

                    continue;
                }

                var found = FromStore(package, store, builtFrom) ?? FromLocalFolders(package, local);
                if (found == null)
                {
                    wheels.unfound.Add(package);
                }
                else
                {
                    wheels.packages.Add((package, found.Value.Path, found.Value.Sha256));
                }
            }

            // pip installs itself first, so it leads the tooling.
            wheels.tooling.Sort((a, b) => (PackageName.Normalize(a.Package.Name) == "pip" ? 0 : 1).CompareTo(PackageName.Normalize(b.Package.Name) == "pip" ? 0 : 1));
            return wheels;
        }

        private static (string Path, string Sha256)? FromStore(LockedPackage package, PackageStore store, Lazy<ILookup<string, string>> builtFrom)
        {
            var sha256 = package.Artifact?.Sha256;
            if (string.IsNullOrEmpty(sha256))
            {
                return null;
            }

            var wheel = store.Find(sha256!);
            if (wheel != null)
            {
                return (wheel.Path, wheel.Sha256);
            }

            // An sdist is kept in the store as the wheel built from it; the image installs that wheel.
            var builtWheel = builtFrom.Value[sha256!].Select(store.Find).FirstOrDefault(w => w != null);
            return builtWheel == null ? ((string, string)?)null : (builtWheel.Path, builtWheel.Sha256);
        }

        private static (string Path, string Sha256)? FromLocalFolders(LockedPackage package, IReadOnlyList<string> local)
        {
            var wanted = Key(package.Name, package.Version);
            var archive = local.FirstOrDefault(a => ArchiveFileName.TryParse(Path.GetFileName(a), out var name, out var version) && Key(name, version) == wanted);
            return archive == null ? ((string, string)?)null : (archive, Sha256Hex.OfFile(archive));
        }

        /// <summary>A tooling wheel of exactly the locked version, where a venv's seed took it from.</summary>
        private static string? ToolingWheel(LockedPackage package, string interpreter, IReadOnlyList<string> local)
        {
            var folders = new List<string>();
            var prefix = InterpreterPrefix(interpreter);
            if (prefix != null && Directory.Exists(Path.Combine(prefix, "lib")))
            {
                folders.AddRange(Directory.GetDirectories(Path.Combine(prefix, "lib"), "python*").Select(l => Path.Combine(l, "ensurepip", "_bundled")));
            }

            folders.Add("/usr/share/python-wheels");
            var wanted = Key(package.Name, package.Version);
            return folders.Where(Directory.Exists).SelectMany(f => Directory.GetFiles(f, "*.whl")).Concat(local.Where(a => a.EndsWith(".whl", StringComparison.OrdinalIgnoreCase)))
                .FirstOrDefault(w => WheelFileName.TryParse(Path.GetFileName(w), out var name) && Key(name!.Name, name.Version) == wanted);
        }

        private static string? InterpreterPrefix(string interpreter)
        {
            if (string.IsNullOrEmpty(interpreter))
            {
                return null;
            }

            var resolved = File.Exists(interpreter) ? RealPath.Of(interpreter) : interpreter;
            return Path.GetDirectoryName(Path.GetDirectoryName(resolved));
        }

        private static IEnumerable<string> LocalArchives(RootSettingsDocument settings)
        {
            var folders = new[] { Path.Combine(settings.Root, "wheelhouse") }.Concat(settings.PackageSources.FindLinks.Where(l => !PackageSources.IsUrl(l)));
            return folders.Where(Directory.Exists).SelectMany(Directory.EnumerateFiles);
        }

        private static string Key(string name, string version) =>
            PackageName.Normalize(name) + "==" + (PackageVersion.TryParse(version, out var parsed) ? parsed!.ToString() : version);
    }
}
