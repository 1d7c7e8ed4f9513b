using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Errors;

namespace CodeEnv.Containers
{
    /// <summary>
    /// The caller's folder that a build context is written into, by the caller's own process on either kind of root:
    /// a new or empty folder only (so nothing else is sent to the container build), and nothing written outside it.
    /// </summary>
    public static class ContextFolder
    {
        /// <summary>Refuses a folder that is a file or holds anything; checked before the context is asked for.</summary>
        public static void RequireEmpty(string folder)
        {
            if (File.Exists(folder) || (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any()))
            {
                throw new CodeEnvException(ErrorIds.ContainerContextFolderNotEmpty, $"'{folder}' is not an empty folder; give a new or empty folder for the build context, so no other file is sent to the container build.", folder);
            }
        }

        /// <summary>Writes the context's entries into <paramref name="folder"/>; returns the full path of every file written.</summary>
        public static IReadOnlyList<string> Write(string folder, IReadOnlyList<ContextFile> files)
        {
            RequireEmpty(folder);
            Directory.CreateDirectory(folder);
            var inside = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            var written = new List<string>();
            foreach (var file in files)
            {
                var path = Path.GetFullPath(Path.Combine(folder, file.RelativePath));
                if (!path.StartsWith(inside, StringComparison.Ordinal))
                {
                    throw new CodeEnvException(ErrorIds.ContainerContextInvalid, $"The build context holds a file outside its folder ('{file.RelativePath}'); nothing more was written.", folder);
                }

                if (file.IsFolder)
                {
                    Directory.CreateDirectory(path);
                    ReadableByAll(path, executable: true);
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Content ?? new byte[0]);
                ReadableByAll(path, executable: file.Executable);
                written.Add(path);
            }

            return written;
        }

        // COPY keeps a file's mode: whatever the writer's umask, what the image copies (the env's resources) is readable by
        // the user the image runs as (RuntimeAdditions' NonRootUser), as its venv is. The context holds no secret.
        private static void ReadableByAll(string path, bool executable)
        {
            if (!Platform.IsWindows)
            {
                Store.UnixLinks.TryChangeMode(path, executable ? 0x1ED /* 0755 */ : 0x1A4 /* 0644 */);
            }
        }
    }
}
