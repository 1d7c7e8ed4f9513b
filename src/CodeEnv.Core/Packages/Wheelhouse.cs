using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using CodeEnv.Errors;
using CodeEnv.Requirements;
using CodeEnv.Store;

namespace CodeEnv.Packages
{
    /// <summary>
    /// The root's folder of archives pip cannot get from an index. pip finds files there by their names, so a file is
    /// accepted only when its name is a wheel's or sdist's name with a valid version, and it is copied in atomically.
    /// </summary>
    internal static class Wheelhouse
    {
        /// <summary>Refuses a path that is not a wheel or sdist file: the one rule, checked where the file is read (the
        /// caller's process on a served root).</summary>
        public static void RequireArchiveFile(string archive)
        {
            if (Directory.Exists(archive))
            {
                throw new CodeEnvException(ErrorIds.PackageArchiveInvalid, $"'{archive}' is a folder. Give the path of a wheel (.whl) or an sdist (.tar.gz or .zip); build one with 'python -m build' or 'python setup.py sdist'.", archive);
            }

            if (!File.Exists(archive))
            {
                throw new CodeEnvException(ErrorIds.PackageArchiveNotFound, $"There is no file '{archive}'.", archive);
            }

            if (!FileKind.IsRegularFile(archive))
            {
                throw new CodeEnvException(ErrorIds.PackageArchiveInvalid, $"'{archive}' is not a regular file (a FIFO or device). Give the path of a wheel or sdist file.", archive);
            }
        }

        public static PublishedPackage Publish(RootPaths paths, string archive, bool force)
        {
            RequireArchiveFile(archive);

            var fileName = Path.GetFileName(archive);
            if (!ArchiveFileName.TryParse(fileName, out var name, out var version))
            {
                throw new CodeEnvException(
                    ErrorIds.PackageArchiveInvalid,
                    $"'{fileName}' is not named like a wheel (name-version-python-abi-platform.whl) or an sdist (name-version.tar.gz or .zip) with a valid version; pip finds archives in the wheelhouse by their names only.",
                    archive);
            }

            var (declaredName, declaredVersion) = ArchiveMetadata.Read(archive);
            if (declaredName != name || declaredVersion != version)
            {
                throw new CodeEnvException(
                    ErrorIds.PackageArchiveInvalid,
                    $"'{fileName}' is named for {name} {version}, but its metadata declares {declaredName} {declaredVersion}; pip would install that project whenever {name}=={version} is asked for. Build the archive again from the right project.",
                    archive);
            }

            Directory.CreateDirectory(paths.Wheelhouse);
            var target = Path.Combine(paths.Wheelhouse, fileName);
            // One file per release and kind: alpha-1.0, Alpha-1.0 and alpha-01.0 are the same release to pip.
            var slot = Slot(fileName);
            var sameRelease = Directory.GetFiles(paths.Wheelhouse).Where(existing => Slot(Path.GetFileName(existing)) == slot).ToList();
            foreach (var existing in sameRelease)
            {
                if (SameContent(archive, existing))
                {
                    return new PublishedPackage(name, version, existing, paths.Root);
                }

                if (!force)
                {
                    throw new CodeEnvException(
                        ErrorIds.PackageAlreadyPublished,
                        $"The wheelhouse already holds a different archive of {name} {version}: '{Path.GetFileName(existing)}'. Publish a new version, or use -Force to replace it (envs that installed the old file keep it until they are rebuilt).",
                        existing);
                }
            }

            var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                // Copied beside the target, then renamed over it: pip never sees a half-copied archive.
                File.Copy(archive, temporary);
                if (File.Exists(target))
                {
                    File.Replace(temporary, target, null);
                }
                else
                {
                    File.Move(temporary, target);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }

            foreach (var replaced in sameRelease.Where(f => !string.Equals(f, target, StringComparison.Ordinal)))
            {
                File.Delete(replaced);
            }

            return new PublishedPackage(name, version, target, paths.Root);
        }

        // What makes two archives the same file to pip: the normalized name and version, and for a wheel its tags.
        private static string? Slot(string fileName)
        {
            if (!ArchiveFileName.TryParse(fileName, out var name, out var version))
            {
                return null;
            }

            // 1.0 and 1.0.0 are one version to PEP 440 (and to pip's ==): trailing zeros of the release do not count.
            var release = System.Text.RegularExpressions.Regex.Match(version, @"^((?:\d+!)?)(\d+(?:\.\d+)*)(.*)$");
            version = release.Groups[1].Value + System.Text.RegularExpressions.Regex.Replace(release.Groups[2].Value, @"(\.0)+$", "") + release.Groups[3].Value;
            var isWheel = fileName.EndsWith(".whl", StringComparison.OrdinalIgnoreCase);
            var tags = isWheel ? string.Join("-", fileName.Substring(0, fileName.Length - 4).Split('-').Skip(2).Reverse().Take(3).Reverse()) : "sdist";
            return name + "|" + version + "|" + tags.ToLowerInvariant();
        }

        private static bool SameContent(string a, string b)
        {
            using (var sha = SHA256.Create())
            using (var first = File.OpenRead(a))
            using (var second = File.OpenRead(b))
            {
                return sha.ComputeHash(first).SequenceEqual(sha.ComputeHash(second));
            }
        }
    }
}
