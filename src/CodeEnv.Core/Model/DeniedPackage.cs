namespace CodeEnv
{
    /// <summary>
    /// An entry of the root's deny list (Set-CodeEnvRoot -DeniedPackage): a package name or name pattern (* and ?), with
    /// an optional version specifier that narrows it to those versions ('evil-*', 'requests==2.0', 'urllib3<1.26.5'),
    /// and why it is denied. No env installs a package an entry matches, on any path.
    /// </summary>
    public sealed class DeniedPackage
    {
        public DeniedPackage()
        {
        }

        /// <summary>An entry as a script writes it: <c>'requests==2.0'</c>, or with its reason after a requirements-file comment, <c>'requests==2.0 # CVE-2023-32681'</c>.</summary>
        public DeniedPackage(string entry)
        {
            var hash = entry.IndexOf('#');
            Package = (hash < 0 ? entry : entry.Substring(0, hash)).Trim();
            var reason = hash < 0 ? "" : entry.Substring(hash + 1).Trim();
            Reason = reason.Length == 0 ? null : reason;
        }

        /// <summary>The name or pattern, with an optional version specifier: 'evil-*', 'requests==2.0'.</summary>
        public string Package { get; set; } = "";

        /// <summary>Why it is denied, said in every refusal; null when none was given.</summary>
        public string? Reason { get; set; }

        public override string ToString() => Reason == null ? Package : Package + " # " + Reason;
    }
}
