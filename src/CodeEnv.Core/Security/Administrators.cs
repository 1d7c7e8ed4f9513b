using System;
using System.Linq;

namespace CodeEnv.Security
{
    /// <summary>Whether a caller is one of a root's administrators, named as a user or through one of the caller's groups.</summary>
    internal static class Administrators
    {
        public static bool Includes(RootSettingsDocument settings, CallerIdentity caller) =>
            settings.Administrators.Any(a =>
                string.Equals(a, caller.UserName, StringComparison.OrdinalIgnoreCase)
                || caller.Groups.Any(g => string.Equals(a, g, StringComparison.OrdinalIgnoreCase)));
    }
}
