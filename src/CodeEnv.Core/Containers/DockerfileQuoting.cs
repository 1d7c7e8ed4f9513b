using System.Text;

namespace CodeEnv.Containers
{
    /// <summary>
    /// How a value (a root's path, which may hold spaces or quotes) is written into a Dockerfile so it stays one word:
    /// single quotes in a RUN's shell, double quotes with backslash escapes in an ENV.
    /// </summary>
    internal static class DockerfileQuoting
    {
        /// <summary>A POSIX shell word: the value in single quotes, each single quote closed, escaped and reopened.</summary>
        public static string Shell(string value) => "'" + value.Replace("'", "'\\''") + "'";

        /// <summary>An ENV value in double quotes; a backslash, double quote or dollar inside is escaped, so nothing is expanded.</summary>
        public static string EnvValue(string value)
        {
            var text = new StringBuilder("\"");
            foreach (var c in value)
            {
                if (c == '\\' || c == '"' || c == '$')
                {
                    text.Append('\\');
                }

                text.Append(c);
            }

            return text.Append('"').ToString();
        }
    }
}
