using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using CodeEnv.Errors;
using CodeEnv.Store;

namespace CodeEnv.Containers
{
    /// <summary>
    /// An env's resources folder as its image takes it: every folder and regular file in it, read once. A link is taken
    /// as the file it names only when that file is inside the folder too (a model cache links its snapshots to its blobs);
    /// a link out of the folder, to a folder or to nothing, and a FIFO, socket or device, are problems that refuse the
    /// build (<see cref="RequireCopyable"/>), so a build never reads anything outside the folder. What an image was built
    /// from is recorded twice: <see cref="Stamp"/> (names, sizes, modification times: a listing reads no file's bytes) and
    /// <see cref="Digest"/> (names, sizes, sha256: asked only when the stamp differs, so a file rewritten with the same
    /// bytes does not outdate an image). An env with no resources has both empty, as every image built before this had.
    /// </summary>
    internal sealed class ContextResources
    {
        /// <summary>
        /// The most the resources may hold in a build context: the context is held in memory, as its wheels are, and sent
        /// whole by a served root's Export-CodeEnvContainerFile. Larger data belongs in a volume or a download at run time.
        /// </summary>
        public const long MaxBytes = 1L << 30;

        private readonly List<string> problems = new List<string>();
        private string? digest;

        private readonly string? digestFile;

        private ContextResources(string? folder, string? digestFile)
        {
            Folder = folder;
            this.digestFile = digestFile;
        }

        /// <summary>The resources folder on the host, which is also its path in the image; null for a registered venv, which has none.</summary>
        public string? Folder { get; }

        /// <summary>Each folder's path relative to the resources folder, with forward slashes, parents first.</summary>
        public List<string> Folders { get; } = new List<string>();

        /// <summary>Each regular file (or link to one inside the folder): relative path, full path, size, whether executable.</summary>
        public List<(string RelativePath, string FullPath, long Length, bool Executable, long ModifiedTicks)> Files { get; } = new List<(string, string, long, bool, long)>();

        public long TotalBytes => Files.Sum(f => f.Length);

        public bool IsEmpty => Folders.Count == 0 && Files.Count == 0 && problems.Count == 0;

        /// <summary>Names, sizes and modification times hashed: equal stamps mean the folder was not touched since.</summary>
        public string Stamp => IsEmpty ? "" : Hash(Lines(f => f.ModifiedTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        /// <summary>Names, sizes and each file's sha256 hashed, read once: equal digests mean the image holds these resources.</summary>
        public string Digest() => digest ??= IsEmpty ? "" : Remembered() ?? Remember(Hash(Lines(f => Sha256Of(f.FullPath))));

        /// <summary>Whether an image recorded with this stamp and digest holds the resources as they are now.</summary>
        public bool Matches(string? stamp, string? recordedDigest) =>
            string.Equals(Stamp, stamp ?? "", StringComparison.Ordinal) || string.Equals(Digest(), recordedDigest ?? "", StringComparison.Ordinal);

        /// <summary>Reads the folder (missing or null: no resources).</summary>
        /// <param name="digestFile">Where the digest is kept with the stamp it belongs to; a listing that finds the stamp unchanged there reads no file's bytes.</param>
        public static ContextResources Of(string? folder, string? digestFile = null)
        {
            var resources = new ContextResources(folder, digestFile);
            if (folder != null && Directory.Exists(folder))
            {
                var inside = RealPath.Of(folder).TrimEnd('/') + "/";
                resources.Walk(new DirectoryInfo(folder), "", inside);
            }

            return resources;
        }

        /// <summary>Refuses a folder a build must not copy: one with a problem entry, or larger than <see cref="MaxBytes"/>.</summary>
        public void RequireCopyable(string environment)
        {
            if (problems.Count > 0)
            {
                throw new CodeEnvException(
                    ErrorIds.ContainerContextInvalid,
                    $"The resources of '{environment}' cannot go into an image: {string.Join("; ", problems)}. An image takes regular files and links to files inside the resources folder only; replace or remove these (the init script may write them), then build again.",
                    environment);
            }

            if (TotalBytes > MaxBytes)
            {
                throw new CodeEnvException(
                    ErrorIds.ContainerContextInvalid,
                    $"The resources of '{environment}' hold {TotalBytes / (1024 * 1024)} MiB, more than the {MaxBytes / (1024 * 1024)} MiB a build context carries. Keep large data (models, data sets) out of the resources: mount it into the container, or fetch it in the image with the env's own Dockerfile lines (Set-CodeEnv -ContainerDockerfile).",
                    environment);
            }
        }

        private string? Remembered()
        {
            try
            {
                var kept = digestFile != null && File.Exists(digestFile) ? File.ReadAllText(digestFile).Split(' ') : null;
                return kept != null && kept.Length == 2 && kept[0] == Stamp ? kept[1].Trim() : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private string Remember(string computed)
        {
            try
            {
                if (digestFile != null)
                {
                    AtomicFile.WriteAllText(digestFile, Stamp + " " + computed);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // A reader who may not write the env folder hashes again next time; nothing else depends on the file.
            }

            return computed;
        }

        private void Walk(DirectoryInfo directory, string prefix, string inside)
        {
            foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var relative = prefix + entry.Name;
                if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
                {
                    var target = RealPath.Of(entry.FullName);
                    if (!target.StartsWith(inside, StringComparison.Ordinal))
                    {
                        problems.Add($"{relative} links outside the resources folder");
                    }
                    else if (Directory.Exists(target))
                    {
                        problems.Add($"{relative} links to a folder");
                    }
                    else if (!File.Exists(target) || !FileKind.IsRegularFile(target))
                    {
                        problems.Add($"{relative} links to nothing or to no regular file");
                    }
                    else
                    {
                        AddFile(relative, target);
                    }
                }
                else if (entry is DirectoryInfo folder)
                {
                    Folders.Add(relative);
                    Walk(folder, relative + "/", inside);
                }
                else if (entry.Name.StartsWith(".", StringComparison.Ordinal) && entry.Name.EndsWith(".partial", StringComparison.Ordinal))
                {
                    // A Publish-CodeEnvResource still under way: not a resource until it is renamed into place.
                }
                else if (!FileKind.IsRegularFile(entry.FullName))
                {
                    problems.Add($"{relative} is not a regular file (a FIFO, socket or device)");
                }
                else
                {
                    AddFile(relative, entry.FullName);
                }
            }
        }

        private void AddFile(string relative, string path)
        {
            var info = new FileInfo(path);
            var mode = Platform.IsWindows ? null : FileKind.ModeOf(path);
            Files.Add((relative, path, info.Length, mode != null && (mode.Value & 0x49 /* any x */) != 0, info.LastWriteTimeUtc.Ticks));
        }

        private IEnumerable<string> Lines(Func<(string RelativePath, string FullPath, long Length, bool Executable, long ModifiedTicks), string> detail) =>
            Folders.Select(f => f + "/")
                .Concat(Files.Select(f => f.RelativePath + "\u0000" + f.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u0000" + (f.Executable ? "x" : "-") + "\u0000" + detail(f)))
                .Concat(problems.Select(p => "!" + p))
                .OrderBy(l => l, StringComparer.Ordinal);

        private static string Hash(IEnumerable<string> lines)
        {
            using (var sha = SHA256.Create())
            {
                return Hex(sha.ComputeHash(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")))));
            }
        }

        private static string Sha256Of(string file)
        {
            using (var sha = SHA256.Create())
            using (var stream = File.OpenRead(file))
            {
                return Hex(sha.ComputeHash(stream));
            }
        }

        private static string Hex(byte[] hash)
        {
            var hex = new StringBuilder(hash.Length * 2);
            foreach (var b in hash)
            {
                hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }
    }
}
