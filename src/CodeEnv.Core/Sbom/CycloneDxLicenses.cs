using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Licenses;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Sbom
{
    /// <summary>
    /// A distribution's license as CycloneDX's <c>licenses</c>: one <c>expression</c> for PEP 639's License-Expression (or
    /// a License field written as an expression of several licenses), else one <c>license</c> per declaration, by <c>id</c> only
    /// where it is an SPDX id and by <c>name</c> otherwise (the schema takes either form, never both kinds in one list).
    /// 1.6 marks each as <c>declared</c>: it is what the distribution's author wrote, not what anyone concluded.
    /// </summary>
    internal static class CycloneDxLicenses
    {
        private const int MaxNameLength = 60;

        /// <summary>The <c>licenses</c> array, or null when the distribution declares none.</summary>
        public static JArray? For(DistributionLicense license, string specVersion)
        {
            var acknowledged = specVersion != CycloneDxDocument.SpecVersion15;
            // A License-Expression is always the expression; a License field only where one id would not say it.
            var expression = license.ParsedExpression ?? (license.Expression == null ? license.TextAsExpression : null);
            if (expression != null && (license.Expression != null || expression.Terms.Count > 1 || expression.Terms[0].IndexOf(" WITH ", StringComparison.Ordinal) >= 0 || SpdxLicenseIds.Canonical(expression.Terms[0]) == null))
            {
                var entry = new JObject { ["expression"] = expression.Text };
                if (acknowledged)
                {
                    entry["acknowledgement"] = "declared";
                }

                return new JArray(entry);
            }

            var licenses = new List<JObject>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            void Add(string? id, string? name, string? text)
            {
                if (string.IsNullOrWhiteSpace(id ?? name) || !seen.Add(id ?? name!))
                {
                    return;
                }

                var body = id != null ? new JObject { ["id"] = id } : new JObject { ["name"] = name };
                if (text != null)
                {
                    body["text"] = new JObject { ["contentType"] = "text/plain", ["content"] = text };
                }

                if (acknowledged)
                {
                    body["acknowledgement"] = "declared";
                }

                licenses.Add(new JObject { ["license"] = body });
            }

            if (expression != null)
            {
                Add(SpdxLicenseIds.Canonical(expression.Terms[0]), null, null);
            }
            else if (license.Expression != null)
            {
                // Not an SPDX expression: a CycloneDX expression must be one, so it is named as written.
                Add(null, license.Expression, null);
            }
            else if (license.Text != null)
            {
                var firstLine = license.Text.Split('\n')[0].Trim();
                Add(null, license.TextIsName ? license.Text : (firstLine.Length > MaxNameLength ? firstLine.Substring(0, MaxNameLength) + "..." : firstLine), license.TextIsName ? null : license.Text);
            }

            foreach (var classifier in license.Classifiers)
            {
                var id = LicenseClassifiers.SpdxId(classifier);
                Add(id, id == null ? LicenseClassifiers.Name(classifier) : null, null);
            }

            return licenses.Count == 0 ? null : new JArray(licenses);
        }
    }
}
