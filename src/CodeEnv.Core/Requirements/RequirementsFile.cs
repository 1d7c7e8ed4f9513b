using System.IO;
using System.Text;
using CodeEnv.Errors;

namespace CodeEnv.Requirements
{
    /// <summary>Reads a requirements.txt a caller names, refusing what is not a regular, reasonably small text file.</summary>
    public static class RequirementsFile
    {
        public const long MaxBytes = 1024 * 1024;

        public static string[] Read(string path)
        {
            if (Directory.Exists(path))
            {
                throw Invalid(path, "is a folder");
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new CodeEnvException(ErrorIds.RequirementsFileNotFound, $"There is no file '{path}'. Give the path of a requirements.txt file.", path);
            }

            // A FIFO would block until someone writes to it, a device might never end.
            if (!Store.FileKind.IsRegularFile(path))
            {
                throw Invalid(path, "is not a regular file");
            }

            if (info.Length > MaxBytes)
            {
                throw Invalid(path, $"is {info.Length} bytes long; a requirements file may have at most {MaxBytes} bytes");
            }

            // Invalid UTF-8 becomes U+FFFD, which the parser refuses with the line number.
            var text = File.ReadAllText(path, new UTF8Encoding(false, false));
            return text.Replace("\r\n", "\n").Split('\n');
        }

        private static CodeEnvException Invalid(string path, string what) =>
            new CodeEnvException(ErrorIds.RequirementsFileInvalid, $"'{path}' {what}. Give the path of a requirements.txt file.", path);
    }
}
