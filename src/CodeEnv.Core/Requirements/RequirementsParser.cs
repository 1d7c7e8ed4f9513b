using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CodeEnv.Errors;

namespace CodeEnv.Requirements
{
    /// <summary>
    /// Parses requirements.txt text as pip reads it (comments, blank lines, backslash continuations, option lines,
    /// per-requirement --hash) into PEP 508 requirements, and applies the options policy: whatever changes where
    /// packages come from, includes other files, installs editable code or expands ${VARIABLES} is for
    /// administrators only, since package sources belong in the root settings.
    /// </summary>
    public static class RequirementsParser
    {
        public const int MaxLineLength = 8192;

        private static readonly Regex Comment = new Regex(@"(^|\s+)#.*$", RegexOptions.CultureInvariant);
        private static readonly Regex Variable = new Regex(@"\$\{[A-Za-z0-9_]+\}", RegexOptions.CultureInvariant);
        private static readonly Regex NameAndExtras = new Regex(@"^(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[(?<extras>[^\]]*)\])?\s*", RegexOptions.CultureInvariant);
        private static readonly Regex WheelOrSdist = new Regex(@"(?<file>[^/\\]+?)(?<ext>\.whl|\.tar\.gz|\.tar\.bz2|\.tar\.xz|\.zip|\.tgz)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>Parses and validates; throws one InvalidArgument error listing every bad line with its number and reason.</summary>
        public static IReadOnlyList<Requirement> Parse(IEnumerable<string> lines, IRequirementLinePolicy policy)
        {
            var requirements = TryParse(lines, policy, out var problems);
            if (problems.Count > 0)
            {
                throw new CodeEnvException(
                    ErrorIds.RequirementInvalid,
                    (problems.Count == 1 ? "A requirement line is not valid: " : $"{problems.Count} requirement lines are not valid: ") + string.Join("; ", problems),
                    problems[0].Text);
            }

            return requirements;
        }

        public static IReadOnlyList<Requirement> TryParse(IEnumerable<string> lines, IRequirementLinePolicy policy, out List<RequirementProblem> problems)
        {
            problems = new List<RequirementProblem>();
            var requirements = new List<Requirement>();
            foreach (var (number, text) in LogicalLines(lines))
            {
                var problem = CheckCharacters(text);
                if (problem == null)
                {
                    var line = Comment.Replace(text, "").Trim();
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    problem = ParseLine(number, line, policy, out var requirement);
                    if (requirement != null)
                    {
                        requirements.Add(requirement);
                    }
                }

                if (problem != null)
                {
                    problems.Add(new RequirementProblem(number, text, problem));
                }
            }

            return requirements;
        }

        // Joins backslash continuations; a logical line keeps the number of its first physical line.
        private static IEnumerable<(int Number, string Text)> LogicalLines(IEnumerable<string> lines)
        {
            var number = 0;
            var start = 0;
            string? pending = null;
            foreach (var physical in lines.SelectMany(l => (l ?? "").Replace("\r\n", "\n").Split('\n')))
            {
                number++;
                if (pending == null)
                {
                    start = number;
                }

                var joined = (pending ?? "") + physical;
                if (joined.EndsWith("\\", StringComparison.Ordinal) && !Comment.IsMatch(joined))
                {
                    pending = joined.Substring(0, joined.Length - 1);
                    continue;
                }

                pending = null;
                yield return (start, joined);
            }

            if (pending != null)
            {
                yield return (start, pending);
            }
        }

        private static string? CheckCharacters(string text)
        {
            if (text.Length > MaxLineLength)
            {
                return $"the line is {text.Length} characters long; the limit is {MaxLineLength}";
            }

            if (text.Any(c => char.IsControl(c) && c != '\t'))
            {
                return $"it contains the control character U+{(int)text.First(c => char.IsControl(c) && c != '\t'):X4}";
            }

            return text.Contains('\uFFFD') ? "it contains bytes that are not valid UTF-8 (U+FFFD)" : null;
        }

        private static string? ParseLine(int number, string line, IRequirementLinePolicy policy, out Requirement? requirement)
        {
            requirement = null;
            var variablesRefused = Variable.IsMatch(line) ? policy.RefuseVariables() : null;
            if (variablesRefused != null)
            {
                return variablesRefused;
            }

            // The same split and option parsing pip applies, so every option pip would obey is checked.
            var (spec, optionText) = PipOptionTokens.Split(line);
            var options = PipOptionTokens.Parse(optionText, out var parseProblem);
            var afterRequirement = spec.Trim().Length > 0;
            // What pip would obey is judged first: a reserved option followed by words pip rejects is still named.
            foreach (var (option, value, written) in options)
            {
                var named = PipOptionSyntax.Named(option, written);
                var refused = PipOptionSyntax.CheckPlace(option, named, afterRequirement) ?? policy.Refuse(option, named) ?? PipOptionSyntax.CheckValue(option, value, named);
                if (refused != null)
                {
                    return refused;
                }
            }

            if (parseProblem != null)
            {
                return parseProblem;
            }

            if (!afterRequirement)
            {
                requirement = new Requirement(number, line, null, Array.Empty<string>(), SpecifierSet.Any, null, null, new[] { line })
                {
                    Kind = options.Any(o => o.Option.Purpose == PipOptionPurpose.Include) ? RequirementLineKind.Include : RequirementLineKind.Option,
                };
                return null;
            }

            var problem = ParseRequirement(spec.Trim(), out var name, out var extras, out var specifier, out var url, out var marker);
            if (problem != null)
            {
                return problem;
            }

            var canonicalOptions = options.Select(o => o.Value == null ? o.Option.LongName : $"{o.Option.LongName}={o.Value}").ToList();
            requirement = new Requirement(number, line, name, extras, specifier!, url, marker, canonicalOptions);
            return null;
        }

        private static string? ParseRequirement(string spec, out string? name, out IReadOnlyList<string> extras, out SpecifierSet? specifier, out string? url, out Marker? marker)
        {
            name = null;
            extras = Array.Empty<string>();
            specifier = SpecifierSet.Any;
            url = null;
            marker = null;

            // A bare path or archive URL: the name comes from the file name (or #egg=).
            if (LooksLikePathOrUrl(spec))
            {
                var semicolon = spec.IndexOf("; ", StringComparison.Ordinal);
                url = (semicolon >= 0 ? spec.Substring(0, semicolon) : spec).Trim();
                if (semicolon >= 0 && !Marker.TryParse(spec.Substring(semicolon + 2), out marker, out var markerProblem))
                {
                    return markerProblem;
                }

                name = NameFromUrl(url);
                return name == null
                    ? $"the package name cannot be told from '{url}': write 'name @ {url}' or use a file named name-version.tar.gz or a wheel"
                    : null;
            }

            var head = NameAndExtras.Match(spec);
            if (!head.Success)
            {
                return "it does not start with a package name (letters, digits, '.', '_' and '-', starting and ending with a letter or digit)";
            }

            name = head.Groups["name"].Value;
            if (head.Groups["extras"].Success)
            {
                var list = head.Groups["extras"].Value.Split(',').Select(e => e.Trim()).ToList();
                var badExtra = list.FirstOrDefault(e => !PackageName.IsValid(e));
                if (badExtra != null && !(list.Count == 1 && badExtra.Length == 0))
                {
                    return $"'{badExtra}' is not a valid extra name";
                }

                extras = list.Where(e => e.Length > 0).ToList();
            }

            var rest = spec.Substring(head.Length).Trim();
            string? markerText = null;
            if (rest.StartsWith("@", StringComparison.Ordinal))
            {
                var reference = rest.Substring(1).Trim();
                // PEP 508: a marker after a URL must be separated by white space, since ';' may occur in URLs.
                var split = Regex.Match(reference, @"\s+;");
                url = (split.Success ? reference.Substring(0, split.Index) : reference).Trim();
                markerText = split.Success ? reference.Substring(split.Index + split.Length) : null;
                if (url.Length == 0 || url.Any(char.IsWhiteSpace) || !Regex.IsMatch(url, @"^[A-Za-z][A-Za-z0-9+.-]*://"))
                {
                    return $"'{url}' is not a URL: a direct reference is 'name @ https://...' or 'name @ file:///...'";
                }
            }
            else
            {
                var semicolon = rest.IndexOf(';');
                var versions = (semicolon >= 0 ? rest.Substring(0, semicolon) : rest).Trim();
                markerText = semicolon >= 0 ? rest.Substring(semicolon + 1) : null;
                if (versions.StartsWith("(", StringComparison.Ordinal) && versions.EndsWith(")", StringComparison.Ordinal))
                {
                    versions = versions.Substring(1, versions.Length - 2);
                }

                if (versions.Length > 0 && !SpecifierSet.TryParse(versions, out specifier, out var versionProblem))
                {
                    return versionProblem;
                }
            }

            if (markerText != null && !Marker.TryParse(markerText, out marker, out var problem))
            {
                return problem;
            }

            return null;
        }

        private static bool LooksLikePathOrUrl(string spec) =>
            spec.StartsWith(".", StringComparison.Ordinal) || spec.StartsWith("/", StringComparison.Ordinal) || spec.StartsWith("~", StringComparison.Ordinal)
            || Regex.IsMatch(spec, @"^[A-Za-z]:[\\/]") || Regex.IsMatch(spec, @"^[A-Za-z][A-Za-z0-9+.-]*://");

        private static string? NameFromUrl(string url)
        {
            var egg = Regex.Match(url, @"#egg=([A-Za-z0-9._-]+)");
            if (egg.Success)
            {
                return egg.Groups[1].Value;
            }

            var file = WheelOrSdist.Match(url.Split('#', '?')[0]);
            if (!file.Success)
            {
                return null;
            }

            var stem = file.Groups["file"].Value;
            var parts = file.Groups["ext"].Value.Equals(".whl", StringComparison.OrdinalIgnoreCase)
                ? stem.Split('-')[0]
                : stem.Contains('-') ? stem.Substring(0, stem.LastIndexOf('-')) : null;
            return parts != null && PackageName.IsValid(parts) ? parts : null;
        }
    }
}
