using System;
using System.Collections.Generic;
using System.Linq;

namespace CodeEnv.Licenses
{
    /// <summary>
    /// What a distribution's core metadata says of its license: PEP 639's <c>License-Expression</c> (an SPDX expression,
    /// authoritative where present), the older free-text <c>License</c> field, and the <c>License ::</c> trove classifiers.
    /// The one reader of licenses: the SBOM writes what it says and the root's allow list decides on it.
    /// </summary>
    public sealed class DistributionLicense
    {
        // A License field longer than this, or of several lines, is a license text, not a license's name.
        private const int MaxNameLength = 100;

        public DistributionLicense(string? expression, string? text, IReadOnlyList<string> classifiers)
        {
            Expression = string.IsNullOrWhiteSpace(expression) ? null : expression!.Trim();
            Text = string.IsNullOrWhiteSpace(text) || IsUnknown(text!) ? null : text!.Trim();
            Classifiers = classifiers.Where(LicenseClassifiers.IsLicense).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        }

        /// <summary>No license declared at all.</summary>
        public static DistributionLicense None { get; } = new DistributionLicense(null, null, Array.Empty<string>());

        /// <summary>The License-Expression header, as written; null when absent.</summary>
        public string? Expression { get; }

        /// <summary>The License header (a name, an expression, or a whole license text); null when absent or UNKNOWN.</summary>
        public string? Text { get; }

        /// <summary>The classifiers under <c>License ::</c>, in the file's order.</summary>
        public IReadOnlyList<string> Classifiers { get; }

        /// <summary>Whether the metadata declares any license.</summary>
        public bool IsDeclared => Expression != null || Text != null || Classifiers.Count > 0;

        /// <summary>The License-Expression parsed, or null when absent or not an SPDX expression.</summary>
        public LicenseExpression? ParsedExpression => Expression != null && LicenseExpression.TryParse(Expression, out var parsed) ? parsed : null;

        /// <summary>
        /// The License field as an SPDX expression when it is one of recognized ids (<c>MIT</c>, <c>Apache-2.0 OR MIT</c>,
        /// <c>LicenseRef-Corp</c>); null for a free name (<c>BSD</c>, <c>Apache 2.0</c>) or a license text.
        /// </summary>
        public LicenseExpression? TextAsExpression =>
            TextIsName && LicenseExpression.TryParse(Text!, out var parsed) && parsed!.Terms.All(IsRecognizedTerm) ? parsed : null;

        /// <summary>Whether the License field is short enough to be a license's name rather than its text.</summary>
        public bool TextIsName => Text != null && Text.Length <= MaxNameLength && Text.IndexOf('\n') < 0;

        /// <summary>Reads the license fields of a METADATA or PKG-INFO text.</summary>
        public static DistributionLicense FromMetadata(string metadata)
        {
            var headers = MetadataHeaders.Parse(metadata);
            return new DistributionLicense(headers.First("License-Expression"), headers.First("License"), headers.All("Classifier"));
        }

        /// <summary>Reads the license fields of a METADATA file; <see cref="None"/> when there is no file to read.</summary>
        public static DistributionLicense FromMetadataFile(string? path) =>
            path != null && System.IO.File.Exists(path) ? FromMetadata(System.IO.File.ReadAllText(path)) : None;

        /// <summary>How the metadata declares it, for messages: <c>License-Expression 'MIT'</c>, <c>License 'BSD'; classifier 'MIT License'</c>.</summary>
        public override string ToString()
        {
            if (Expression != null)
            {
                return $"License-Expression '{Expression}'";
            }

            var parts = new List<string>();
            if (Text != null)
            {
                parts.Add(TextIsName ? $"License '{Text}'" : $"a License text beginning '{FirstLine(Text)}'");
            }

            parts.AddRange(Classifiers.Select(c => $"classifier '{c}'"));
            return parts.Count == 0 ? "no license (no License-Expression, License or License classifier in its metadata)" : string.Join("; ", parts);
        }

        private static bool IsRecognizedTerm(string term)
        {
            var license = term.Split(new[] { " WITH " }, StringSplitOptions.None)[0].TrimEnd('+');
            return SpdxLicenseIds.Canonical(license) != null || license.StartsWith("LicenseRef-", StringComparison.OrdinalIgnoreCase) || license.StartsWith("DocumentRef-", StringComparison.OrdinalIgnoreCase);
        }

        // setuptools writes UNKNOWN where a project declared nothing.
        private static bool IsUnknown(string text) => string.Equals(text.Trim(), "UNKNOWN", StringComparison.OrdinalIgnoreCase);

        private static string FirstLine(string text)
        {
            var line = text.Split('\n')[0].Trim();
            return line.Length <= 60 ? line : line.Substring(0, 60) + "...";
        }
    }
}
