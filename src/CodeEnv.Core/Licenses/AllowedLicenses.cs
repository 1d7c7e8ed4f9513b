using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Errors;

namespace CodeEnv.Licenses
{
    /// <summary>
    /// The root's allow list of licenses (Set-CodeEnvRoot -AllowedLicense): empty means no rule. An entry is an SPDX id
    /// (<c>MIT</c>; ids compare ignoring case), an id with an exception (<c>GPL-2.0-only WITH Classpath-exception-2.0</c>),
    /// or a license's name as metadata gives it (<c>BSD License</c>, a License field's text). A distribution is allowed
    /// when its License-Expression holds with the listed licenses; without one, when its License field or any of its
    /// license classifiers is listed (classifiers of one distribution name alternatives). A distribution that declares no
    /// license, or an expression that is no SPDX expression, is refused while a list is set: the rule cannot be checked.
    /// </summary>
    public sealed class AllowedLicenses
    {
        private readonly HashSet<string> allowed;

        public AllowedLicenses(IEnumerable<string> allowed)
        {
            Entries = allowed.Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
            this.allowed = new HashSet<string>(Entries, StringComparer.OrdinalIgnoreCase);
        }

        public IReadOnlyList<string> Entries { get; }

        /// <summary>Whether there is a rule at all.</summary>
        public bool IsSet => Entries.Count > 0;

        /// <summary>Why the license is refused, or null when the list allows it (or there is no list).</summary>
        public string? Refusal(DistributionLicense license)
        {
            if (!IsSet)
            {
                return null;
            }

            if (license.Expression != null)
            {
                var expression = license.ParsedExpression;
                if (expression == null)
                {
                    return $"its License-Expression '{license.Expression}' is not an SPDX license expression, so no rule can allow it";
                }

                return expression.IsSatisfiedBy(Allows) ? null : $"its {license} is not satisfied by the allowed licenses";
            }

            if (!license.IsDeclared)
            {
                return "it declares no license (no License-Expression, License or License classifier in its metadata)";
            }

            var textExpression = license.TextAsExpression;
            var allowedByText = license.Text != null && (textExpression != null ? textExpression.IsSatisfiedBy(Allows) : Allows(license.Text));
            var allowedByClassifier = license.Classifiers.Any(c => Allows(c) || Allows(LicenseClassifiers.Name(c)) || (LicenseClassifiers.SpdxId(c) is string id && Allows(id)));
            return allowedByText || allowedByClassifier ? null : $"its {license} is not among the allowed licenses";
        }

        /// <summary>
        /// Refuses a set of distributions before anything of it is installed: one error naming every distribution the
        /// list does not allow, with its license and the rule, and how to go on.
        /// </summary>
        /// <param name="distributions">Name, version and license of each distribution the env would hold.</param>
        public void Require(string environment, IEnumerable<(string Name, string Version, DistributionLicense License)> distributions)
        {
            if (!IsSet)
            {
                return;
            }

            var refused = distributions
                .Select(d => (d.Name, d.Version, Reason: Refusal(d.License)))
                .Where(d => d.Reason != null)
                .OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase)
                .Select(d => $"{d.Name} {d.Version}: {d.Reason}")
                .ToList();
            if (refused.Count > 0)
            {
                throw new CodeEnvException(
                    ErrorIds.LicenseNotAllowed,
                    $"The root allows only the licenses {string.Join(", ", Entries.Select(e => "'" + e + "'"))} (Set-CodeEnvRoot -AllowedLicense), and '{environment}' would install {string.Join("; ", refused)}. The env keeps the venv it had. "
                        + $"Remove the package (or the line that pulls it in) from the env's lines, pin a version whose license is allowed, or have an administrator allow the license: Set-CodeEnvRoot -AllowedLicense ((Get-CodeEnvRoot).AllowedLicenses + '<license>').",
                    environment);
            }
        }

        private bool Allows(string license) => allowed.Contains(license.Trim());
    }
}
