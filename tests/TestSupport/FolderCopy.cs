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
}
