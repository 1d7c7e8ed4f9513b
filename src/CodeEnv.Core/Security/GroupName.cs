using System.Linq;
using CodeEnv.Errors;

namespace CodeEnv.Security
{
    /// <summary>The rule for a group name in a grant, whichever way it arrives (Grant/Revoke-CodeEnvPermission, Import-CodeEnv).</summary>
    public static class GroupName
    {
        public static void Validate(string? group)
        {
            if (string.IsNullOrWhiteSpace(group) || group!.Length > 256 || group.Any(char.IsControl))
            {
                throw new CodeEnvException(ErrorIds.GroupNameInvalid, $"'{group}' is not a group name: give an OS group as `id -Gn` shows it.", group);
            }
        }
    }
}
