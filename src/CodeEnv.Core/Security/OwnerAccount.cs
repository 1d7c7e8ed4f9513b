using System.Linq;
using CodeEnv.Errors;

namespace CodeEnv.Security
{
    /// <summary>
    /// Who may become an env's owner: a user account of this machine's user database (local or through NSS: LDAP,
    /// sssd). A name nobody can log in as would leave the env to administrators alone, and would hand it to whoever is
    /// later given an account of that name.
    /// </summary>
    internal static class OwnerAccount
    {
        /// <summary>
        /// Throws ObjectNotFound when <paramref name="owner"/> is not an account here (Set-CodeEnv -Owner). Where this
        /// build cannot ask the user database (Windows), the name is taken as given.
        /// </summary>
        public static void RequireExisting(string owner, string envName)
        {
            if (IsMissing(owner))
            {
                throw new CodeEnvException(
                    ErrorIds.OwnerAccountNotFound,
                    $"'{PrintableText.Of(owner)}' is not a user account on this machine, so it cannot own the env '{envName}'. "
                    + "Give the name of an existing account: `getent passwd` lists them (LDAP accounts included); an administrator adds one with useradd.",
                    owner);
            }
        }

        /// <summary>True only when the user database says there is no such account (never for "cannot tell").</summary>
        public static bool IsMissing(string owner) =>
            string.IsNullOrWhiteSpace(owner) || owner.Any(char.IsControl) || UnixUsers.Exists(owner) == false;
    }
}
