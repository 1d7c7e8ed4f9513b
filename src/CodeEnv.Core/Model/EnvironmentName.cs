using System;
using System.Globalization;
using CodeEnv.Errors;

namespace CodeEnv
{
    /// <summary>
    /// The identifier rule: A-Z a-z 0-9 and hyphen, 1 to 64 characters, not starting with a hyphen (it would read
    /// as a parameter on every command line) and not a name Windows reserves for devices.
    /// </summary>
    public static class EnvironmentName
    {
        public const int MaxLength = 64;

        private static readonly string[] WindowsDeviceNames =
        {
            "CON", "PRN", "AUX", "NUL",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
        };

        /// <summary>Why <paramref name="name"/> is not a valid identifier, or null when it is.</summary>
        public static string? Problem(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return "an environment name cannot be empty";
            }

            if (name!.Length > MaxLength)
            {
                return $"it is {name.Length} characters long and the limit is {MaxLength}";
            }

            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                var allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                if (!allowed)
                {
                    return $"character {i + 1} is {Describe(c)}, and only A-Z, a-z, 0-9 and '-' are allowed";
                }
            }

            if (name[0] == '-')
            {
                return "it starts with '-', which reads as a parameter on command lines";
            }

            if (Array.Exists(WindowsDeviceNames, d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase)))
            {
                return $"'{name}' is a device name Windows reserves and cannot be a folder";
            }

            return null;
        }

        public static void Validate(string? name)
        {
            var problem = Problem(name);
            if (problem != null)
            {
                throw new CodeEnvException(
                    ErrorIds.CodeEnvNameInvalid,
                    $"'{Printable(name ?? "")}' is not a valid environment name: {problem}. Use 1 to {MaxLength} letters, digits and hyphens, such as 'sales-forecast'.",
                    name);
            }
        }

        private static string Describe(char c)
        {
            var code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            return char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) ? code : $"'{c}' ({code})";
        }

        /// <summary>The name as it can be shown in a message: control characters escaped, very long names cut.</summary>
        public static string Printable(string name)
        {
            var shown = name.Length > 80 ? name.Substring(0, 80) + "..." : name;
            var builder = new System.Text.StringBuilder(shown.Length);
            foreach (var c in shown)
            {
                builder.Append(char.IsControl(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
            }

            return builder.ToString();
        }
    }
}
