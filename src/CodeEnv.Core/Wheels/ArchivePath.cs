namespace CodeEnv.Wheels
{
    /// <summary>
    /// Whether a file name inside a wheel is a plain relative path that stays inside the folder it is unpacked in: no
    /// absolute path, no drive, no '..' or '.' part, no empty part, no backslash (a folder separator on Windows) and no
    /// control character (which RECORD's one-line-per-file format cannot carry).
    /// </summary>
    internal static class ArchivePath
    {
        /// <summary>What is wrong with <paramref name="name"/>, or null when it is safe. A trailing '/' marks a folder entry.</summary>
        public static string? Problem(string name)
        {
            var path = name.EndsWith("/", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 1) : name;
            if (path.Length == 0)
            {
                return "it has an empty name";
            }

            if (path[0] == '/')
            {
                return "it is an absolute path";
            }

            if (path.Length >= 2 && path[1] == ':' && char.IsLetter(path[0]))
            {
                return "it names a drive";
            }

            foreach (var c in path)
            {
                if (c == '\\')
                {
                    return "it holds a backslash, which Windows reads as a folder separator";
                }

                if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029')
                {
                    return "it holds a control character or a line break";
                }
            }

            foreach (var part in path.Split('/'))
            {
                if (part.Length == 0)
                {
                    return "it has an empty part ('//')";
                }

                if (part == "..")
                {
                    return "it climbs out of the wheel with '..'";
                }

                if (part == ".")
                {
                    return "it has a '.' part";
                }
            }

            return null;
        }

        /// <summary>
        /// Whether a symbolic link at <paramref name="linkPath"/> (a wheel path) whose target is <paramref name="target"/>
        /// points inside the wheel: a relative target whose '..' parts never climb above the wheel's top.
        /// </summary>
        public static bool StaysInside(string linkPath, string target)
        {
            if (target.Length == 0 || target[0] == '/' || target.IndexOf('\\') >= 0 || target.IndexOf('\0') >= 0 || (target.Length >= 2 && target[1] == ':'))
            {
                return false;
            }

            var depth = linkPath.Split('/').Length - 1;
            foreach (var part in target.Split('/'))
            {
                if (part == "..")
                {
                    depth--;
                    if (depth < 0)
                    {
                        return false;
                    }
                }
                else if (part.Length > 0 && part != ".")
                {
                    depth++;
                }
            }

            return true;
        }
    }
}
