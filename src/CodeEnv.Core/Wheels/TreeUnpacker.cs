using CodeEnv.Store;
using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using CodeEnv.Errors;

namespace CodeEnv.Wheels
{
    /// <summary>
    /// Unpacks a stored wheel into a folder, refusing it unless every file is exactly what its RECORD says (digest and
    /// size), every file is listed and every listed file is there, and every path is safe: relative, no '..', inside the
    /// wheel's declared layout, no symbolic link that leads out of it. Files are written read-only as the store keeps them
    /// (<see cref="StoreModes"/>); like pip, an entry's execute bits are kept and nothing else of its mode, and a symbolic
    /// link entry that stays inside becomes a file holding its target, as pip writes it.
    /// </summary>
    internal static class TreeUnpacker
    {
        private const uint TypeMask = 0xF000;
        private const uint Regular = 0x8000;
        private const uint SymbolicLink = 0xA000;
        private const int MaxRecordBytes = 64 << 20;

        // Not in netstandard2.0's surface, but in every runtime the engine loads in (.NET Core 2.1+, .NET Framework 4.7.2+).
        private static readonly PropertyInfo? ExternalAttributes = typeof(ZipArchiveEntry).GetProperty("ExternalAttributes");

        // For names a zip does not mark as UTF-8: Python's zipfile (pip) reads those as cp437 and .NET as UTF-8, so only
        // ASCII names mean the same to both; any other byte fails the read and the wheel is refused.
        private static readonly Encoding AsciiOnly = Encoding.GetEncoding("us-ascii", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

        public static void Unpack(StoredWheel wheel, string target)
        {
            try
            {
                using (var file = new FileStream(wheel.Path, FileMode.Open, FileAccess.Read, FileShare.Read))
                using (var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: AsciiOnly))
                {
                    Unpack(wheel, zip.Entries.ToList(), target);
                }
            }
            catch (InvalidDataException e)
            {
                throw Refused(ErrorIds.WheelInvalid, wheel, $"it is not a readable zip archive ({e.Message})");
            }
            catch (DecoderFallbackException)
            {
                throw Refused(ErrorIds.WheelPathUnsafe, wheel, "a file name in it is not ASCII and is not marked as UTF-8, so pip and CodeEnv would read it as different names");
            }
        }

        private static void Unpack(StoredWheel wheel, IReadOnlyList<ZipArchiveEntry> entries, string target)
        {
            var files = new List<ZipArchiveEntry>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var problem = ArchivePath.Problem(entry.FullName);
                if (problem != null)
                {
                    throw Refused(ErrorIds.WheelPathUnsafe, wheel, $"'{entry.FullName}': {problem}");
                }

                if (!seen.Add(entry.FullName))
                {
                    throw Refused(ErrorIds.WheelInvalid, wheel, $"'{entry.FullName}' is in it twice");
                }

                if (!entry.FullName.EndsWith("/", StringComparison.Ordinal))
                {
                    files.Add(entry);
                }
            }

            var layout = WheelLayout.Of(files.Select(f => f.FullName), wheel.Name, wheel.Version, out var layoutProblem);
            if (layoutProblem != null)
            {
                throw Refused(ErrorIds.WheelInvalid, wheel, layoutProblem);
            }

            foreach (var file in files)
            {
                var problem = layout.Problem(file.FullName);
                if (problem != null)
                {
                    throw Refused(ErrorIds.WheelPathUnsafe, wheel, $"'{file.FullName}' is outside a wheel's layout: {problem}");
                }
            }

            var clash = files.Select(f => f.FullName).FirstOrDefault(path => Ancestors(path).Any(seen.Contains));
            if (clash != null)
            {
                throw Refused(ErrorIds.WheelInvalid, wheel, $"'{clash}' lies in '{Ancestors(clash).First(seen.Contains)}', which is a file of the wheel too");
            }

            foreach (var required in new[] { "METADATA", "WHEEL", "RECORD" })
            {
                if (!seen.Contains(layout.DistInfo + "/" + required))
                {
                    throw Refused(ErrorIds.WheelInvalid, wheel, $"it has no '{layout.DistInfo}/{required}', which every wheel holds");
                }
            }

            var listed = ReadRecord(wheel, files.First(f => f.FullName == layout.Record));
            var folders = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var path = file.FullName;
                listed.TryGetValue(path, out var row);
                if (!layout.IsRecordOrSignature(path) && (row == null || row.Hash.Length == 0))
                {
                    throw Refused(ErrorIds.WheelRecordMismatch, wheel, row == null ? $"'{path}' is in the archive but not listed in its RECORD" : $"'{path}' is listed in its RECORD without a digest");
                }

                var mode = Mode(file);
                if ((mode & TypeMask) == SymbolicLink)
                {
                    var linkTarget = ReadSmall(file);
                    if (!ArchivePath.StaysInside(path, linkTarget))
                    {
                        throw Refused(ErrorIds.WheelPathUnsafe, wheel, $"'{path}' is a symbolic link to '{linkTarget}', outside the wheel");
                    }
                }

                Extract(wheel, file, row, target, folders, executable: mode != 0 && (mode & TypeMask) == Regular && (mode & 0x49) != 0);
                listed.Remove(path);
            }

            var missing = listed.Keys.Where(p => !layout.IsRecordOrSignature(p)).OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault();
            if (missing != null)
            {
                throw Refused(ErrorIds.WheelRecordMismatch, wheel, $"its RECORD lists '{missing}', which is not in the archive");
            }

            foreach (var folder in folders)
            {
                StoreModes.MakeFolder(folder);
            }
        }

        private static Dictionary<string, RecordRow> ReadRecord(StoredWheel wheel, ZipArchiveEntry record)
        {
            if (record.Length > MaxRecordBytes)
            {
                throw Refused(ErrorIds.WheelInvalid, wheel, $"its RECORD is larger than {MaxRecordBytes >> 20} MB");
            }

            string text;
            using (var reader = new StreamReader(record.Open(), new UTF8Encoding(false, throwOnInvalidBytes: true)))
            {
                try
                {
                    text = reader.ReadToEnd();
                }
                catch (DecoderFallbackException)
                {
                    throw Refused(ErrorIds.WheelInvalid, wheel, "its RECORD is not UTF-8 text");
                }
            }

            var rows = new Dictionary<string, RecordRow>(StringComparer.Ordinal);
            foreach (var row in RecordFile.Parse(text))
            {
                if (rows.TryGetValue(row.Path, out var earlier) && (earlier.Hash != row.Hash || earlier.Size != row.Size))
                {
                    throw Refused(ErrorIds.WheelRecordMismatch, wheel, $"its RECORD lists '{row.Path}' twice, with different digests or sizes");
                }

                rows[row.Path] = row;
            }

            return rows;
        }

        private static void Extract(StoredWheel wheel, ZipArchiveEntry file, RecordRow? row, string target, HashSet<string> folders, bool executable)
        {
            IncrementalHash? hash = null;
            string? expected = null;
            if (row != null && row.Hash.Length > 0)
            {
                var equals = row.Hash.IndexOf('=');
                var algorithm = equals > 0 ? RecordHash.Algorithm(row.Hash.Substring(0, equals)) : null;
                if (algorithm == null)
                {
                    throw Refused(ErrorIds.WheelRecordMismatch, wheel, $"its RECORD gives '{file.FullName}' the digest '{row.Hash}', which is not sha256, sha384 or sha512");
                }

                hash = IncrementalHash.CreateHash(algorithm.Value);
                expected = row.Hash.Substring(equals + 1);
            }

            var destination = Path.Combine(target, file.FullName.Replace('/', Path.DirectorySeparatorChar));
            long size = 0;
            try
            {
                var folder = Path.GetDirectoryName(destination)!;
                for (var parent = folder; parent.Length > target.Length && folders.Add(parent); parent = Path.GetDirectoryName(parent)!)
                {
                }

                Directory.CreateDirectory(folder);
                using (hash)
                using (var input = file.Open())
                using (var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    var buffer = new byte[1 << 16];
                    int read;
                    while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        hash?.AppendData(buffer, 0, read);
                        output.Write(buffer, 0, read);
                        size += read;
                    }

                    if (hash != null)
                    {
                        var actual = RecordHash.UrlSafe(hash.GetHashAndReset());
                        if (actual != expected)
                        {
                            throw Refused(ErrorIds.WheelRecordMismatch, wheel, $"'{file.FullName}' has the digest {row!.Hash.Substring(0, row.Hash.IndexOf('=') + 1)}{actual}, and its RECORD says {row.Hash}");
                        }
                    }
                }
            }
            catch (InvalidDataException e)
            {
                throw Refused(ErrorIds.WheelInvalid, wheel, $"'{file.FullName}' cannot be read from the archive ({e.Message})");
            }
            catch (IOException e)
            {
                // A full disk or a quota: paths that clash were refused before anything was written.
                throw new CodeEnvException(
                    ErrorIds.FileWriteFailed,
                    $"Could not unpack '{file.FullName}' of the wheel '{wheel.FileName}' into the package store: {e.Message}. Free space in '{target}' and repeat the command.",
                    wheel.FileName,
                    e);
            }

            if (row != null && row.Size.Length > 0 && row.Size != size.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw Refused(ErrorIds.WheelRecordMismatch, wheel, $"'{file.FullName}' is {size} bytes, and its RECORD says {row.Size}");
            }

            StoreModes.MakeReadOnly(destination, executable);
        }

        // "a/b/c" lies in "a" and "a/b".
        private static IEnumerable<string> Ancestors(string path)
        {
            for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
            {
                yield return path.Substring(0, slash);
            }
        }

        private static uint Mode(ZipArchiveEntry entry) => ExternalAttributes?.GetValue(entry) is int attributes ? (uint)attributes >> 16 : 0;

        private static string ReadSmall(ZipArchiveEntry entry)
        {
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                var buffer = new char[4096];
                var read = reader.ReadBlock(buffer, 0, buffer.Length);
                return new string(buffer, 0, read);
            }
        }

        private static CodeEnvException Refused(ErrorId error, StoredWheel wheel, string why) => WheelRefusal.Of(error, wheel.FileName, wheel.Sha256, why);
    }
}
