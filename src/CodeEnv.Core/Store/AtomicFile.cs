using System;
using System.IO;
using System.Text;

namespace CodeEnv.Store
{
    /// <summary>
    /// Writes a file so that a crash, a kill or a full disk leaves either the old content or the new one,
    /// never a torn file: the text goes to a temp file in the same folder, is flushed to disk, then renamed
    /// over the target.
    /// </summary>
    internal static class AtomicFile
    {
        private static readonly UTF8Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> atomically; with <paramref name="unixMode"/>, the file has that mode from its first byte.</summary>
        public static void WriteAllText(string path, string text, int? unixMode = null)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var temp = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    if (unixMode != null && !Platform.IsWindows)
                    {
                        UnixLinks.TryChangeMode(temp, unixMode.Value);
                    }

                    var bytes = Utf8NoBom.GetBytes(text);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }

                if (File.Exists(path))
                {
                    File.Replace(temp, path, destinationBackupFileName: null, ignoreMetadataErrors: true);
                }
                else
                {
                    File.Move(temp, path);
                }
            }
            catch (IOException e)
            {
                // A full disk, a quota or a read-only mount: the old file is untouched, since only the temp file was written.
                throw new Errors.CodeEnvException(
                    Errors.ErrorIds.FileWriteFailed,
                    $"Could not write '{path}': {e.Message}. The previous version of the file is unchanged; free space or fix the folder's permissions and repeat the command.",
                    path,
                    e);
            }
            finally
            {
                TryDelete(temp);
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            catch (IOException)
            {
                // A temp file we could not remove is harmless: its name starts with a dot and it is never read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
