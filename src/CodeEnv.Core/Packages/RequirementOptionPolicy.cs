using CodeEnv.Requirements;

namespace CodeEnv.Packages
{
    /// <summary>
    /// Who may write which pip option in a requirements list. Non-administrators get an explicit allow-list (options
    /// that only change which releases pip prefers, and --hash after a requirement); everything else is reserved for
    /// administrators, since package sources, included files, editable code, build hooks, pip's own behaviour and
    /// ${VARIABLE} expansion belong to the root. Every option of a line counts, not only the first.
    /// </summary>
    internal sealed class RequirementOptionPolicy : IRequirementLinePolicy
    {
        private static readonly RequirementOptionPolicy NonAdministrator = new RequirementOptionPolicy();

        private RequirementOptionPolicy()
        {
        }

        /// <summary>The policy for a caller: administrators may write every line pip accepts.</summary>
        public static IRequirementLinePolicy For(bool callerIsAdministrator) =>
            callerIsAdministrator ? AnyRequirementLine.Instance : (IRequirementLinePolicy)NonAdministrator;

        public string? RefuseVariables() =>
            "${VARIABLE} expansion is reserved for administrators, since it reads the environment of whoever runs pip";

        public string? Refuse(PipOption option, string named)
        {
            var reservedBecause = ReservedBecause(option.Purpose);
            return reservedBecause == null ? null : $"{named} is reserved for administrators: it {reservedBecause}";
        }

        private static string? ReservedBecause(PipOptionPurpose purpose)
        {
            switch (purpose)
            {
                case PipOptionPurpose.PackageSource: return "changes where packages come from; package sources belong in the root settings";
                case PipOptionPurpose.Include: return "includes another file, whose lines nobody validated";
                case PipOptionPurpose.Editable: return "installs editable code from a path or repository";
                case PipOptionPurpose.BuildHook: return "passes options to package build scripts";
                case PipOptionPurpose.PipBehaviour: return "changes how pip itself behaves";
                default: return null;
            }
        }
    }
}
