using System.Linq;
using CodeEnv.Errors;

namespace CodeEnv
{
    /// <summary>The rule for an env's description, whichever way it arrives (New-CodeEnv, Set-CodeEnv, Import-CodeEnv).</summary>
    public static class EnvironmentDescription
    {
        public const int MaxLength = 4096;

        public static void Validate(string? description)
        {
            if (description == null)
            {
                return;
            }

            if (description.Length > MaxLength)
            {
                throw new CodeEnvException(ErrorIds.DescriptionInvalid, $"The description is {description.Length} characters long; the limit is {MaxLength}. Shorten it.", description.Substring(0, 64) + "...");
            }

            var control = description.FirstOrDefault(c => char.IsControl(c) && c != '\n' && c != '\t');
            if (control != default(char))
            {
                throw new CodeEnvException(ErrorIds.DescriptionInvalid, $"The description contains the control character U+{(int)control:X4}; use plain text (line breaks and tabs are fine).", description);
            }
        }
    }
}
