using System;
using System.IO;
using CodeEnv.Store;

namespace CodeEnv.Python
{
    /// <summary>
    /// The folder the stable venv path links to. Python keeps the path it was started by in sys.prefix and sys.path,
    /// unresolved: a python started as envs/&lt;Name&gt;/venv/bin/python through a plain folder link would import its later
    /// modules from whatever the link names after a switch. So each interpreter name in bin/ is a small script that
    /// execs the generation's interpreter by its real path (sys.prefix and sys.executable are then the generation's
    /// folder), and everything else (pip, console scripts, activate, lib/, pyvenv.cfg) is a link into the generation,
    /// whose own scripts already name its real path.
    /// </summary>
    internal static class StableEntryPoints
    {
        private const string Marker = "# CodeEnv: starts this env's venv by its real path, so a running process keeps the venv it started in.";

        /// <summary>Lays out the entry points of <paramref name="generationFolder"/> at <paramref name="entryFolder"/>, anew.</summary>
        public static void Write(string generationFolder, string entryFolder)
        {
            if (Directory.Exists(entryFolder))
            {
                Directory.Delete(entryFolder, recursive: true);
            }

            Directory.CreateDirectory(entryFolder);
            var generation = Path.GetFileName(generationFolder);
            foreach (var entry in new DirectoryInfo(generationFolder).EnumerateFileSystemInfos())
            {
                if (entry.Name != "bin")
                {
                    UnixLinks.CreateSymbolicLink(Path.Combine(entryFolder, entry.Name), Path.Combine("..", generation, entry.Name));
                    continue;
                }

                var bin = Directory.CreateDirectory(Path.Combine(entryFolder, "bin")).FullName;
                foreach (var script in new DirectoryInfo(entry.FullName).EnumerateFileSystemInfos())
                {
                    var stable = Path.Combine(bin, script.Name);
                    if (UnixLinks.ReadSymbolicLink(script.FullName) != null)
                    {
                        // A venv's interpreters (python, python3, python3.12) are its links to the base interpreter.
                        File.WriteAllText(stable, ScriptFor(script.FullName));
                        UnixLinks.TryMakeExecutable(stable);
                    }
                    else
                    {
                        UnixLinks.CreateSymbolicLink(stable, Path.Combine("..", "..", generation, "bin", script.Name));
                    }
                }
            }
        }

        /// <summary>Why the stable python of <paramref name="entryFolder"/> is not what CodeEnv wrote for the generation, or null when it is.</summary>
        public static string? Problem(string entryFolder, string generationFolder)
        {
            var stable = VenvLayout.Python(entryFolder);
            if (!File.Exists(stable))
            {
                return null;
            }

            if (UnixLinks.ReadSymbolicLink(stable) != null)
            {
                return $"'{stable}' is a link, not the entry point CodeEnv wrote for '{generationFolder}'";
            }

            // The file's access time is the env's LastUsed: reading it to check it must not count as a start.
            var lastStarted = File.GetLastAccessTimeUtc(stable);
            var text = File.ReadAllText(stable);
            File.SetLastAccessTimeUtc(stable, lastStarted);
            return text == ScriptFor(VenvLayout.Python(generationFolder)) ? null : $"'{stable}' is not the entry point CodeEnv wrote for '{generationFolder}'";
        }

        private static string ScriptFor(string interpreter) =>
            "#!/bin/sh\n" + Marker + "\nexec '" + interpreter.Replace("'", "'\\''") + "' \"$@\"\n";
    }
}
