namespace CodeEnv.TestSupport;

/// <summary>A folder copied whole for a test: files copied (on Unix with their mode), symbolic links made anew as links.</summary>
public static class FolderCopy
{
    public static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            var destination = System.IO.Path.Combine(target, entry.Name);
            if (entry.LinkTarget != null)
            {
                File.CreateSymbolicLink(destination, entry.LinkTarget);
            }
            else if (entry is DirectoryInfo)
            {
                Copy(entry.FullName, destination);
            }
            else
            {
                // On Unix File.Copy keeps the mode, so scripts and executables stay executable.
                File.Copy(entry.FullName, destination);
            }
        }
    }

    /// <summary>
    /// Makes <paramref name="target"/> equal to <paramref name="source"/> again after a test changed it, touching only
    /// what differs: a file whose size or modification time differs is copied again (with the source's time), what the
    /// source lacks is deleted. This is rsync's quick check; creating files is what costs here (thousands of them in a
    /// root with venvs take seconds), and a test that only read the folder leaves nothing to copy.
    /// </summary>
    public static void Mirror(string source, string target)
    {
        Directory.CreateDirectory(target);
        var wanted = new DirectoryInfo(source).EnumerateFileSystemInfos().ToDictionary(e => e.Name);
        foreach (var present in new DirectoryInfo(target).EnumerateFileSystemInfos())
        {
            if (!wanted.TryGetValue(present.Name, out var original) || !SameKind(original, present))
            {
                Delete(present);
            }
        }

        foreach (var entry in wanted.Values)
        {
            var destination = System.IO.Path.Combine(target, entry.Name);
            if (entry.LinkTarget != null)
            {
                if (new FileInfo(destination).LinkTarget != entry.LinkTarget)
                {
                    File.Delete(destination);
                    File.CreateSymbolicLink(destination, entry.LinkTarget);
                }
            }
            else if (entry is DirectoryInfo)
            {
                Mirror(entry.FullName, destination);
            }
            else
            {
                var file = (FileInfo)entry;
                var copy = new FileInfo(destination);
                if (!copy.Exists || copy.Length != file.Length || copy.LastWriteTimeUtc != file.LastWriteTimeUtc)
                {
                    File.Copy(file.FullName, destination, overwrite: true);
                    File.SetLastWriteTimeUtc(destination, file.LastWriteTimeUtc);
                }
            }
        }
    }

    private static bool SameKind(FileSystemInfo a, FileSystemInfo b) =>
        (a.LinkTarget != null) == (b.LinkTarget != null) && (a is DirectoryInfo) == (b is DirectoryInfo);

    private static void Delete(FileSystemInfo entry)
    {
        if (entry is DirectoryInfo directory && entry.LinkTarget == null)
        {
            directory.Delete(recursive: true);
        }
        else
        {
            File.Delete(entry.FullName);
        }
    }
}
