using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Requirements;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Advisories
{
    /// <summary>
    /// One advisory in the OSV format (https://ossf.github.io/osv-schema/), as PyPI's advisory database, GHSA and OSV's
    /// API publish it: what an audit reports of it (id, aliases, summary, severity, dates) and its affected packages.
    /// Read leniently, field by field: a field of the wrong shape is left out, never a crash; only an advisory without
    /// an id is not one.
    /// </summary>
    public sealed class OsvAdvisory
    {
        private OsvAdvisory(string id, IReadOnlyList<string> aliases, string summary, DateTimeOffset? modified, DateTimeOffset? withdrawn, string? severityWord, IReadOnlyList<string> scores, IReadOnlyList<OsvAffected> affected)
        {
            Id = id;
            Aliases = aliases;
            Summary = summary;
            Modified = modified;
            Withdrawn = withdrawn;
            SeverityWord = severityWord;
            SeverityScores = scores;
            Affected = affected;
        }

        public string Id { get; }

        /// <summary>The same vulnerability's other ids: CVE-…, GHSA-…, PYSEC-….</summary>
        public IReadOnlyList<string> Aliases { get; }

        /// <summary>The summary, or where there is none the first line of the details.</summary>
        public string Summary { get; }

        public DateTimeOffset? Modified { get; }

        /// <summary>Set when the advisory was withdrawn: it no longer says anything is affected.</summary>
        public DateTimeOffset? Withdrawn { get; }

        /// <summary>A severity in words, where the database gives one (GHSA's database_specific.severity: LOW, MODERATE, HIGH, CRITICAL).</summary>
        public string? SeverityWord { get; }

        /// <summary>The scores given, each as "type: score" (CVSS_V3: CVSS:3.1/AV:N/…).</summary>
        public IReadOnlyList<string> SeverityScores { get; }

        public IReadOnlyList<OsvAffected> Affected { get; }

        /// <summary>The affected entries of PyPI packages.</summary>
        public IEnumerable<OsvAffected> PyPI => Affected.Where(a => a.IsPyPI);

        /// <summary>Reads one advisory; null with <paramref name="problem"/> where the text is not JSON or not an advisory.</summary>
        public static OsvAdvisory? TryParse(string json, out string? problem)
        {
            JToken token;
            try
            {
                using (var reader = new JsonTextReader(new System.IO.StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 })
                {
                    token = JToken.ReadFrom(reader);
                }
            }
            catch (JsonException e)
            {
                problem = "not JSON: " + e.Message;
                return null;
            }

            return TryRead(token, out problem);
        }

        /// <summary>Reads one advisory from JSON already parsed (an answer of OSV's API).</summary>
        public static OsvAdvisory? TryRead(JToken token, out string? problem)
        {
            if (!(token is JObject o) || !(o["id"] is JValue idValue) || idValue.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)idValue))
            {
                problem = "not an OSV advisory (no \"id\")";
                return null;
            }

            problem = null;
            var summary = Text(o["summary"]) ?? FirstLine(Text(o["details"])) ?? "";
            var affected = Objects(o["affected"]).Select(ReadAffected).Where(a => a != null).Select(a => a!).ToList();
            var scores = Objects(o["severity"]).Select(Score).Where(s => s != null).Select(s => s!).ToList();
            return new OsvAdvisory(
                ((string)idValue!).Trim(),
                Strings(o["aliases"]),
                summary,
                Date(o["modified"]),
                Date(o["withdrawn"]),
                Text((o["database_specific"] as JObject)?["severity"]),
                scores,
                affected);
        }

        public override string ToString() => Id;

        private static OsvAffected? ReadAffected(JObject entry)
        {
            var package = entry["package"] as JObject;
            var ecosystem = Text(package?["ecosystem"]);
            var name = Text(package?["name"]);
            if (ecosystem == null || name == null)
            {
                return null;
            }

            var ranges = Objects(entry["ranges"])
                .Select(r => new OsvRange(Text(r["type"]) ?? "", Objects(r["events"]).Select(ReadEvent).Where(e => e != null).Select(e => e!).ToList()))
                .ToList();
            var severity = Objects(entry["severity"]).Select(Score).Where(s => s != null).Select(s => s!).ToList();
            // PyPI's own ecosystem name; "PyPI:<suffix>" variants are not defined, so anything else is another ecosystem.
            return new OsvAffected(ecosystem, PackageName.Normalize(name.Trim()), ranges, Strings(entry["versions"]), severity);
        }

        private static OsvEvent? ReadEvent(JObject e)
        {
            foreach (var (field, kind) in new[] { ("introduced", OsvEventKind.Introduced), ("fixed", OsvEventKind.Fixed), ("last_affected", OsvEventKind.LastAffected), ("limit", OsvEventKind.Limit) })
            {
                var version = Text(e[field]);
                if (version != null)
                {
                    return new OsvEvent(kind, version.Trim());
                }
            }

            return null;
        }

        private static string? Score(JObject s)
        {
            var score = Text(s["score"]);
            return score == null ? null : (Text(s["type"]) is string type ? type + ": " : "") + score;
        }

        private static string? Text(JToken? token) => token is JValue v && v.Type == JTokenType.String ? (string?)v : null;

        private static DateTimeOffset? Date(JToken? token) =>
            Text(token) is string text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date) ? date : (DateTimeOffset?)null;

        private static IReadOnlyList<string> Strings(JToken? token) =>
            token is JArray array ? array.Select(Text).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).ToList() : new List<string>();

        private static IEnumerable<JObject> Objects(JToken? token) => token is JArray array ? array.OfType<JObject>() : Enumerable.Empty<JObject>();

        private static string? FirstLine(string? text) =>
            string.IsNullOrWhiteSpace(text) ? null : text!.Trim().Split('\n')[0].Trim();
    }
}
