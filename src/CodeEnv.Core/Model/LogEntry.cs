using System;
using System.IO;

namespace CodeEnv
{
    /// <summary>The saved output of one operation on an env (PowerShell type <c>CodeEnv.LogEntry</c>).</summary>
    public sealed class LogEntry
    {
        public LogEntry(string name, string root, string operation, DateTimeOffset startedAt, string path, long length)
        {
            Name = name;
            Root = root;
            Operation = operation;
            StartedAt = startedAt;
            Path = path;
            Length = length;
        }

        /// <summary>The env's name.</summary>
        public string Name { get; }

        public string Root { get; }

        /// <summary>create or update.</summary>
        public string Operation { get; }

        public DateTimeOffset StartedAt { get; }

        public string Path { get; }

        public long Length { get; }

        /// <summary>The whole log; read when asked for, since logs of pip runs can be long.</summary>
        public string ReadText() => File.ReadAllText(Path);

        public override string ToString() => Path;
    }
}
