namespace CodeEnv
{
    /// <summary>How one requirement line stands against what is installed.</summary>
    public enum RequirementState
    {
        Satisfied,
        Missing,
        WrongVersion,
        /// <summary>Installed from another place than the line's URL or path.</summary>
        DifferentSource,
        /// <summary>Its marker is false for the env's interpreter, so pip skips it.</summary>
        NotApplicable,
    }

    /// <summary>One line of a health report: the requirement, its kind, and what is installed for it.</summary>
    public sealed class RequirementStatus
    {
        public RequirementStatus(string line, string name, PackageKind kind, RequirementState state, string? installedVersion)
        {
            Line = line;
            Name = name;
            Kind = kind;
            State = state;
            InstalledVersion = installedVersion;
        }

        public string Line { get; }

        public string Name { get; }

        public PackageKind Kind { get; }

        public RequirementState State { get; }

        public string? InstalledVersion { get; }

        public override string ToString() => InstalledVersion == null ? $"{Line}: {State}" : $"{Line}: {State} ({InstalledVersion})";
    }
}
