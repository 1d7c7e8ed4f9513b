using System.Text.RegularExpressions;

namespace CodeEnv.Requirements
{
    /// <summary>Package names as pip compares them (PEP 503): case-insensitive, runs of '-', '_' and '.' alike.</summary>
    public static class PackageName
    {
        private static readonly Regex Separators = new Regex(@"[-_.]+", RegexOptions.CultureInvariant);
        private static readonly Regex Valid = new Regex(@"^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$", RegexOptions.CultureInvariant);

        /// <summary>Scikit_Learn, scikit.learn and SCIKIT-LEARN all become scikit-learn.</summary>
        public static string Normalize(string name) => Separators.Replace(name, "-").ToLowerInvariant();

        public static bool IsValid(string name) => Valid.IsMatch(name);
    }
}
