using System.Linq;
using System.Text.RegularExpressions;

namespace CodeEnv.Requirements
{
    /// <summary>
    /// Who may write which pip option in a requirements list, and what its value may be. Non-administrators get an
    /// explicit allow-list (options that only change which releases pip prefers, and --hash after a requirement);
    /// everything else is reserved for administrators, since package sources, included files, editable code,
    /// build hooks and pip's own behaviour belong to the root. Every option of a line counts, not only the first.
    /// </summary>
    public static class RequirementOptionPolicy
    {
        private static readonly Regex Hash = new Regex(@"^(sha256|sha384|sha512|md5|sha1|sha224):[0-9a-fA-F]+$", RegexOptions.CultureInvariant);

        /// <summary>What is wrong with this option here for this caller, or null when it may stay.</summary>
        public static string? Check(PipOption option, string? value, string written, bool callerIsAdministrator, bool afterRequirement)
        {
            var named = written == option.LongName || written.Length == 2 ? $"'{written}'" : $"'{written}' (pip reads it as '{option.LongName}')";
            if (afterRequirement && !option.AfterRequirement)
            {
                return $"{named} is not an option pip takes after a requirement; only --hash is (and, for administrators, --global-option and --config-settings)";
            }

            if (!afterRequirement && option.Purpose == PipOptionPurpose.Hash)
            {
                return "--hash belongs after the requirement it pins: 'name==1.0 --hash=sha256:<hex digest>'";
            }

            var reservedBecause = ReservedBecause(option.Purpose);
            if (reservedBecause != null && !callerIsAdministrator)
            {
                return $"{named} is reserved for administrators: it {reservedBecause}";
            }

            return value == null ? null : CheckValue(option, value, named);
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

        private static string? CheckValue(PipOption option, string value, string named)
        {
            if (value.Trim().Length == 0)
            {
                return $"{named} needs a value";
            }

            if (option.Purpose == PipOptionPurpose.Hash)
            {
                return Hash.IsMatch(value) ? null : $"'--hash={value}' is not a hash: write --hash=sha256:<hex digest>";
            }

            if (option.LongName == "--only-binary" || option.LongName == "--no-binary")
            {
                var bad = value.Split(',').FirstOrDefault(item => item != ":all:" && item != ":none:" && !PackageName.IsValid(item));
                return bad == null ? null : $"{named} takes :all:, :none: or package names separated by commas, not '{bad}'";
            }

            return null;
        }
    }
}
