using System.Collections.Generic;

namespace CodeEnv
{
    /// <summary>
    /// A named list of requirement lines added to an env in one step (PowerShell type <c>CodeEnv.PackageSet</c>).
    /// The set's name is <see cref="SetName"/> so that it binds to -SetName, not to an env's -Name.
    /// </summary>
    public sealed class PackageSet
    {
        public PackageSet(string setName, IReadOnlyList<string> packages, string root)
        {
            SetName = setName;
            Packages = new ItemList<string>(packages);
            Root = root;
        }

        public string SetName { get; }

        public ItemList<string> Packages { get; }

        public string Root { get; }

        public override string ToString() => SetName;
    }
}
