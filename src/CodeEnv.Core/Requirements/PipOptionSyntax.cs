using System.Linq;
using System.Text.RegularExpressions;

namespace CodeEnv.Requirements
{
    /// <summary>Where pip takes an option in a requirements line, and what its value must look like, for anyone.</summary>
    internal static class PipOptionSyntax
    {
        private static readonly Regex Hash = new Regex(@"^(sha256|sha384|sha512|md5|sha1|sha224):[0-9a-fA-F]+$", RegexOptions.CultureInvariant);

        /// <summary>How an error names the option: as written, with pip's reading when it differs.</summary>
        public static string Named(PipOption option, string written) =>
            written == option.LongName || written.Length == 2 ? $"'{written}'" : $"'{written}' (pip reads it as '{option.LongName}')";

        /// <summary>What is wrong with the option's place in the line, or null.</summary>
        public static string? CheckPlace(PipOption option, string named, bool afterRequirement)
        {
            if (afterRequirement && !option.AfterRequirement)
            {
                return $"{named} is not an option pip takes after a requirement; only --hash is (and, for administrators, --global-option and --config-settings)";
            }

            if (!afterRequirement && option.Purpose == PipOptionPurpose.Hash)
            {
                return "--hash belongs after the requirement it pins: 'name==1.0 --hash=sha256:<hex digest>'";
            }

            return null;
        }

        /// <summary>What is wrong with the option's value, or null.</summary>
        public static string? CheckValue(PipOption option, string? value, string named)
        {
            if (value == null)
            {
                return null;
            }

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
