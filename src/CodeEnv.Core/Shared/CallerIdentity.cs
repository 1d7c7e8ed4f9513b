using System.Collections.Generic;

namespace CodeEnv
{
    /// <summary>Who is calling: an OS user and the OS groups that user belongs to.</summary>
    public sealed class CallerIdentity
    {
        public CallerIdentity(string userName, IReadOnlyList<string> groups)
        {
            UserName = userName;
            Groups = groups;
        }

        public string UserName { get; }

        public IReadOnlyList<string> Groups { get; }

        public override string ToString() => UserName;
    }
}
