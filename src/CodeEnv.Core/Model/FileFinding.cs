namespace CodeEnv
{
    /// <summary>
    /// One file Test-CodeEnv -VerifyFiles found to differ from what was installed (PowerShell type <c>CodeEnv.FileFinding</c>,
    /// in <see cref="HealthReport.FileFindings"/>): the env, the package, the file, the sha256 expected and found (lower-case
    /// hex, as sha256sum prints it), and what to do.
    /// </summary>
    public sealed class FileFinding
    {
        internal FileFinding(FileFindingKind kind, string environmentName, string package, string file, string? expectedSha256, string? actualSha256, string advice, ItemList<string>? linkedBy = null)
        {
            Kind = kind;
            EnvironmentName = environmentName;
            Package = package;
            File = file;
            ExpectedSha256 = expectedSha256;
            ActualSha256 = actualSha256;
            Advice = advice;
            LinkedBy = linkedBy ?? new ItemList<string>(new string[0]);
        }

        public FileFindingKind Kind { get; }

        /// <summary>The env whose files were checked.</summary>
        public string EnvironmentName { get; }

        /// <summary>The distribution as its metadata names it, with its version.</summary>
        public string Package { get; }

        /// <summary>The file's full path: in the venv, or in the package store for <see cref="FileFindingKind.StoreChanged"/>.</summary>
        public string File { get; }

        /// <summary>The sha256 the store or RECORD gives; null for an extra file or an unverifiable distribution.</summary>
        public string? ExpectedSha256 { get; }

        /// <summary>The sha256 of the file as it is; null when it is missing.</summary>
        public string? ActualSha256 { get; }

        /// <summary>What to do about it.</summary>
        public string Advice { get; }

        /// <summary>For a changed store file: every env whose venvs (current or kept) link or were built from it.</summary>
        public ItemList<string> LinkedBy { get; }

        public override string ToString() => Kind switch
        {
            FileFindingKind.Missing => $"{EnvironmentName}: {Package}: '{File}' is missing; {Advice}",
            FileFindingKind.Extra => $"{EnvironmentName}: {Package}: '{File}' is in the package's folder but no RECORD lists it; {Advice}",
            FileFindingKind.Unverifiable => $"{EnvironmentName}: {Package}: {Advice}",
            FileFindingKind.StoreChanged => $"The package store's file '{File}' of {Package} has sha256 {ActualSha256}, and its RECORD says {ExpectedSha256}; envs linking it: {string.Join(", ", LinkedBy)}. {Advice}",
            _ => $"{EnvironmentName}: {Package}: '{File}' has sha256 {ActualSha256}, and {ExpectedSha256} was installed; {Advice}",
        };
    }
}
