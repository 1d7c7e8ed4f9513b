using System.Globalization;
using System.Text.RegularExpressions;

namespace CodeEnv.Store
{
    /// <summary>
    /// The stable venv path as CodeEnv makes it: a link to venvs/&lt;n&gt;.entry (<see cref="RootPaths.GenerationEntry"/>).
    /// Here, beside the root's layout, so the store can tell its own link from a planted one without the venv code above it.
    /// </summary>
    internal static class StableVenvLink
    {
        private static readonly Regex Target = new Regex(@"^venvs/([0-9]{1,9})\.entry$");

        /// <summary>The generation a stable venv path links to, or null when it is no link of CodeEnv's.</summary>
        public static int? GenerationOf(string stableVenv)
        {
            var link = Platform.IsWindows ? null : UnixLinks.ReadSymbolicLink(stableVenv);
            var match = link == null ? null : Target.Match(link);
            return match != null && match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : (int?)null;
        }
    }
}
