using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using CodeEnv.Errors;
using CodeEnv.Requirements;

namespace CodeEnv.Store
{
    /// <summary>
    /// The root's folder of archives pip cannot get from an index. pip finds files there by their names, so a file is
    /// accepted only when its name is a wheel's or sdist's name with a valid version, and it is copied in atomically.
    /// </summary>
    internal static class Wheelhouse
    {
        public static PublishedPackage Publish(RootPaths paths, string archive, bool force)
        {
            if (Directory.Exists(archive))
            {
                throw new CodeEnvException(ErrorKind.InvalidArgument, "PackageArchiveInvalid", $"'{archive}' is a folder. Give the path of a wheel (.whl) or an sdist (.tar.gz or .zip); build one with 'python -m build' or 'python setup.py sdist'.", archive);
            }

            if (!File.Exists(archive))
            {
                throw new CodeEnvException(ErrorKind.NotFound, "PackageArchiveNotFound", $"There is no file '{archive}'.", archive);
            }

            if (!FileKind.IsRegularFile(archive))
            {
                throw new CodeEnvException(ErrorKind.InvalidArgument, "PackageArchiveInvalid", $"'{archive}' is not a regular file (a FIFO or device). Give the path of a wheel or sdist file.", archive);
            }

            var fileName = Path.GetFileName(archive);
            if (!Packages.ArchiveFileName.TryParse(fileName, out var name, out var version))
            {
                throw new CodeEnvException(
                    ErrorKind.InvalidArgument,
                    "PackageArchiveInvalid",
                    $"'{fileName}' is not named like a wheel (name-version-python-abi-platform.whl) or an sdist (name-version.tar.gz or .zip) with a valid version; pip finds archives in the wheelhouse by their names only.",
                    archive);
            }

            Directory.CreateDirectory(paths.Wheelhouse);
            var target = Path.Combine(paths.Wheelhouse, fileName);
            if (File.Exists(target) && !force)
            {
                if (SameContent(archive, target))
                {
                    return new PublishedPackage(name, version, target, paths.Root);
                }

                throw new CodeEnvException(
                    ErrorKind.AlreadyExists,
                    "PackageAlreadyPublished",
                    $"The wheelhouse already holds a different '{fileName}'. Publish a new version, or use -Force to replace it (envs that installed the old file keep it until they are rebuilt).",
                    target);
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

            return new PublishedPackage(name, version, target, paths.Root);
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
