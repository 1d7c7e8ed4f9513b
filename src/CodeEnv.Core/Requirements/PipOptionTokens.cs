using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CodeEnv.Requirements
{
    /// <summary>
    /// Reads the options of a requirements line exactly as pip does, so that what CodeEnv checks is what pip will
    /// obey: the line splits on spaces into the requirement and, from the first word that starts with '-', its
    /// options; those are split as a POSIX shell would (shlex) and parsed as optparse does, which accepts any
    /// unambiguous prefix of a long option (--find for --find-links), values attached (-f/x, --find-links=/x) or
    /// in the next word, and several short options in one word.
    /// </summary>
    public static class PipOptionTokens
    {
        /// <summary>Every option pip's requirements-file parser knows (pip's SUPPORTED_OPTIONS and SUPPORTED_OPTIONS_REQ).</summary>
        public static readonly IReadOnlyList<PipOption> Known = new[]
        {
            new PipOption("--index-url", 'i', true, PipOptionPurpose.PackageSource),
            new PipOption("--extra-index-url", null, true, PipOptionPurpose.PackageSource),
            new PipOption("--no-index", null, false, PipOptionPurpose.PackageSource),
            new PipOption("--find-links", 'f', true, PipOptionPurpose.PackageSource),
            new PipOption("--trusted-host", null, true, PipOptionPurpose.PackageSource),
            new PipOption("--constraint", 'c', true, PipOptionPurpose.Include),
            new PipOption("--requirement", 'r', true, PipOptionPurpose.Include),
            new PipOption("--editable", 'e', true, PipOptionPurpose.Editable),
            new PipOption("--no-binary", null, true, PipOptionPurpose.Selection),
            new PipOption("--only-binary", null, true, PipOptionPurpose.Selection),
            new PipOption("--prefer-binary", null, false, PipOptionPurpose.Selection),
            new PipOption("--require-hashes", null, false, PipOptionPurpose.Selection),
            new PipOption("--pre", null, false, PipOptionPurpose.Selection),
            new PipOption("--use-feature", null, true, PipOptionPurpose.PipBehaviour),
            new PipOption("--global-option", null, true, PipOptionPurpose.BuildHook, afterRequirement: true),
            new PipOption("--install-option", null, true, PipOptionPurpose.BuildHook, afterRequirement: true),
            new PipOption("--config-settings", 'C', true, PipOptionPurpose.BuildHook, afterRequirement: true),
            new PipOption("--hash", null, true, PipOptionPurpose.Hash, afterRequirement: true),
        };

        /// <summary>pip's break_args_options: the requirement part, and the options part from the first space-separated word starting with '-'.</summary>
        public static (string Requirement, string Options) Split(string line)
        {
            var words = line.Split(' ');
            var requirementWords = words.TakeWhile(w => !w.StartsWith("-", System.StringComparison.Ordinal)).Count();
            return (string.Join(" ", words.Take(requirementWords)), string.Join(" ", words.Skip(requirementWords)));
        }

        /// <summary>Parses the options part into (option, value, as written) triples; a problem says what pip would reject or what is unclear.</summary>
        public static IReadOnlyList<(PipOption Option, string? Value, string Written)> Parse(string options, out string? problem)
        {
            var parsed = new List<(PipOption, string?, string)>();
            var words = ShellWords(options, out problem);
            if (problem != null)
            {
                return parsed;
            }

            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                if (word.StartsWith("--", System.StringComparison.Ordinal) && word.Length > 2)
                {
                    var equals = word.IndexOf('=');
                    var written = equals < 0 ? word : word.Substring(0, equals);
                    var option = ResolveLong(written, out problem);
                    if (option == null)
                    {
                        return parsed;
                    }

                    string? value = null;
                    if (option.TakesValue)
                    {
                        value = equals >= 0 ? word.Substring(equals + 1) : i + 1 < words.Count ? words[++i] : null;
                        if (value == null)
                        {
                            problem = $"'{written}' needs a value";
                            return parsed;
                        }
                    }
                    else if (equals >= 0)
                    {
                        problem = $"'{option.LongName}' takes no value";
                        return parsed;
                    }

                    parsed.Add((option, value, written));
                }
                else if (word.StartsWith("-", System.StringComparison.Ordinal) && word.Length > 1 && word != "--")
                {
                    // A cluster of short options, as optparse reads "-fvalue" or "-f value".
                    for (var c = 1; c < word.Length; c++)
                    {
                        var option = Known.FirstOrDefault(o => o.ShortName == word[c]);
                        if (option == null)
                        {
                            problem = $"'-{word[c]}' is not an option allowed in a requirements list: pip knows no such option";
                            return parsed;
                        }

                        if (!option.TakesValue)
                        {
                            parsed.Add((option, null, "-" + word[c]));
                            continue;
                        }

                        var value = c + 1 < word.Length ? word.Substring(c + 1) : i + 1 < words.Count ? words[++i] : null;
                        if (value == null)
                        {
                            problem = $"'-{word[c]}' needs a value";
                            return parsed;
                        }

                        parsed.Add((option, value, "-" + word[c]));
                        break;
                    }
                }
                else
                {
                    problem = $"'{word}' is not an option: options start with '-', and a requirement comes before them";
                    return parsed;
                }
            }

            return parsed;
        }

        // optparse's _match_abbrev over the long options: the exact name, else the one option it is a prefix of.
        private static PipOption? ResolveLong(string written, out string? problem)
        {
            problem = null;
            var exact = Known.FirstOrDefault(o => o.LongName == written);
            if (exact != null)
            {
                return exact;
            }

            var candidates = Known.Where(o => o.LongName.StartsWith(written, System.StringComparison.Ordinal)).ToList();
            if (candidates.Count == 1)
            {
                return candidates[0];
            }

            problem = candidates.Count == 0
                ? $"'{written}' is not an option allowed in a requirements list: pip knows no such option"
                : $"'{written}' is ambiguous: pip could read it as {string.Join(" or ", candidates.Select(c => c.LongName))}";
            return null;
        }

        // Python's shlex.split(text) (POSIX mode, no comments): quotes group, a backslash escapes outside single quotes.
        private static List<string> ShellWords(string text, out string? problem)
        {
            problem = null;
            var words = new List<string>();
            var current = new StringBuilder();
            var inWord = false;
            char? quote = null;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quote == '\'')
                {
                    if (c == '\'')
                    {
                        quote = null;
                    }
                    else
                    {
                        current.Append(c);
                    }
                }
                else if (quote == '"')
                {
                    if (c == '"')
                    {
                        quote = null;
                    }
                    else if (c == '\\' && i + 1 < text.Length && (text[i + 1] == '"' || text[i + 1] == '\\'))
                    {
                        current.Append(text[++i]);
                    }
                    else
                    {
                        current.Append(c);
                    }
                }
                else if (char.IsWhiteSpace(c))
                {
                    if (inWord)
                    {
                        words.Add(current.ToString());
                        current.Clear();
                        inWord = false;
                    }
                }
                else
                {
                    inWord = true;
                    if (c == '\'' || c == '"')
                    {
                        quote = c;
                    }
                    else if (c == '\\')
                    {
                        if (i + 1 < text.Length)
                        {
                            current.Append(text[++i]);
                        }
                    }
                    else
                    {
                        current.Append(c);
                    }
                }
            }

            if (quote != null)
            {
                problem = $"a {quote} quote is not closed";
                return words;
            }

            if (inWord)
            {
                words.Add(current.ToString());
            }

            return words;
        }
    }
}
