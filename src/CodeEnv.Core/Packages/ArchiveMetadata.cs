using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using CodeEnv.Errors;
using CodeEnv.Requirements;

namespace CodeEnv.Packages
{
    /// <summary>
    /// The Name and Version an archive declares inside it: a wheel's one top-level *.dist-info/METADATA, an sdist's
    /// top-level PKG-INFO. Publishing checks them against the file name, since pip picks an archive by its name
    /// and then installs whatever project is inside.
    /// </summary>
    internal static class ArchiveMetadata
    {
        private const long MaxMetadataBytes = 1 << 20;

        /// <summary>(name, version) from inside the archive; throws PackageArchiveInvalid saying what is wrong.</summary>
        public static (string Name, string Version) Read(string archive)
        {
            var fileName = Path.GetFileName(archive);
            try
            {
                if (fileName.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
                {
                    return FromZip(archive, isWheel: true);
                }

                if (fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    return FromZip(archive, isWheel: false);
                }

                if (fileName.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
                {
                    using (var file = File.OpenRead(archive))
                    using (var gzip = new GZipStream(file, CompressionMode.Decompress))
                    {
                        return Parse(TarPkgInfo(gzip) ?? throw Invalid(archive, "it has no top-level PKG-INFO, which every sdist carries"), archive);
                    }
                }
            }
            catch (InvalidDataException e)
            {
                throw Invalid(archive, $"it is not a readable {(fileName.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? "zip" : "gzip tar")} archive ({e.Message})");
            }

            throw Invalid(archive, "only wheels (.whl) and sdists (.tar.gz, .tgz, .zip) can be checked and published");
        }

        private static (string, string) FromZip(string archive, bool isWheel)
        {
            using (var zip = ZipFile.OpenRead(archive))
            {
                var candidates = zip.Entries
                    .Where(e => isWheel
                        ? e.FullName.Count(c => c == '/') == 1 && e.FullName.EndsWith(".dist-info/METADATA", StringComparison.Ordinal)
                        : e.FullName.Count(c => c == '/') == 1 && e.FullName.EndsWith("/PKG-INFO", StringComparison.Ordinal))
                    .ToList();
                if (candidates.Count != 1)
                {
                    throw Invalid(archive, isWheel
                        ? $"a wheel holds exactly one top-level *.dist-info/METADATA, and it holds {candidates.Count}"
                        : $"a zip sdist holds exactly one top-level PKG-INFO, and it holds {candidates.Count}");
                }

                if (candidates[0].Length > MaxMetadataBytes)
                {
                    throw Invalid(archive, "its metadata file is larger than 1 MB");
                }

                using (var reader = new StreamReader(candidates[0].Open(), Encoding.UTF8))
                {
                    return Parse(reader.ReadToEnd(), archive);
                }
            }
        }

        // The first top-level "<folder>/PKG-INFO" of a tar stream (ustar, GNU long names and PAX paths).
        private static string? TarPkgInfo(Stream tar)
        {
            var header = new byte[512];
            string? longName = null;
            while (ReadFully(tar, header))
            {
                if (header.All(b => b == 0))
                {
                    return null;
                }

                var prefix = Field(header, 345, 155);
                var name = longName ?? (prefix.Length > 0 ? prefix + "/" + Field(header, 0, 100) : Field(header, 0, 100));
                longName = null;
                var size = Convert.ToInt64(Field(header, 124, 12).Trim().Length == 0 ? "0" : Field(header, 124, 12).Trim(), 8);
                var type = (char)header[156];
                var padded = (size + 511) / 512 * 512;
                if (type == 'L' || type == 'x')
                {
                    var data = ReadBytes(tar, padded, size);
                    longName = type == 'L' ? Encoding.UTF8.GetString(data).TrimEnd('\0') : PaxPath(data);
                    continue;
                }

                if ((type == '0' || type == '\0') && name.Count(c => c == '/') == 1 && name.EndsWith("/PKG-INFO", StringComparison.Ordinal))
                {
                    if (size > MaxMetadataBytes)
                    {
                        return null;
                    }

                    return Encoding.UTF8.GetString(ReadBytes(tar, padded, size));
                }

                Skip(tar, padded);
            }

            return null;
        }

        private static string? PaxPath(byte[] records)
        {
            foreach (var record in Encoding.UTF8.GetString(records).Split('\n'))
            {
                var space = record.IndexOf(' ');
                var equals = record.IndexOf('=');
                if (space > 0 && equals > space && record.Substring(space + 1, equals - space - 1) == "path")
                {
                    return record.Substring(equals + 1);
                }
            }

            return null;
        }

        private static (string, string) Parse(string metadata, string archive)
        {
            string? Header(string field) => metadata.Replace("\r\n", "\n").Split('\n')
                .TakeWhile(line => line.Length > 0)
                .Where(line => line.StartsWith(field + ":", StringComparison.OrdinalIgnoreCase))
                .Select(line => line.Substring(field.Length + 1).Trim())
                .FirstOrDefault();
            var name = Header("Name");
            var version = Header("Version");
            if (name == null || !PackageName.IsValid(name) || version == null || !PackageVersion.TryParse(version, out var parsed))
            {
                throw Invalid(archive, $"its metadata does not declare a valid Name and Version (Name: '{name}', Version: '{version}')");
            }

            return (PackageName.Normalize(name), parsed!.ToString());
        }

        private static string Field(byte[] header, int offset, int length) => Encoding.UTF8.GetString(header, offset, length).Split('\0')[0];

        private static bool ReadFully(Stream stream, byte[] buffer)
        {
            var read = 0;
            while (read < buffer.Length)
            {
                var n = stream.Read(buffer, read, buffer.Length - read);
                if (n == 0)
                {
                    return false;
                }

                read += n;
            }

            return true;
        }

        private static byte[] ReadBytes(Stream stream, long padded, long size)
        {
            var buffer = new byte[padded];
            if (!ReadFully(stream, buffer))
            {
                throw new InvalidDataException("the tar archive ends early");
            }

            return buffer.Take((int)size).ToArray();
        }

        private static void Skip(Stream stream, long count)
        {
            var buffer = new byte[81920];
            while (count > 0)
            {
                var n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
                if (n == 0)
                {
                    throw new InvalidDataException("the tar archive ends early");
                }

                count -= n;
            }
        }

        private static CodeEnvException Invalid(string archive, string why) =>
            new CodeEnvException(ErrorIds.PackageArchiveInvalid, $"'{Path.GetFileName(archive)}' cannot be published: {why}. Build the archive again with 'python -m build'.", archive);
    }
}
