using System.Globalization;
using System.Text;

namespace CodeEnv.Packages
{
    /// <summary>TOML's basic strings, as a writer of small TOML documents needs them.</summary>
    internal static class TomlText
    {
        /// <summary>The text as a TOML basic string: quoted, with backslash, quote and every control character escaped.</summary>
        public static string Quote(string text)
        {
            var quoted = new StringBuilder("\"");
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"': quoted.Append("\\\""); break;
                    case '\\': quoted.Append("\\\\"); break;
                    case '\n': quoted.Append("\\n"); break;
                    case '\t': quoted.Append("\\t"); break;
                    case '\r': quoted.Append("\\r"); break;
                    default:
                        if (char.IsControl(c))
                        {
                            quoted.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            quoted.Append(c);
                        }

                        break;
                }
            }

            return quoted.Append('"').ToString();
        }
    }
}
