using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// Reads a simple-index or find-links page as pip reads it: HTML (PEP 503: anchors, a &lt;base href&gt;,
    /// data-requires-python, data-yanked, #sha256= fragments, data-core-metadata or the older data-dist-info-metadata) or
    /// JSON (PEP 691: files with url, hashes, requires-python, yanked, core-metadata). A page of another type has no links
    /// for pip, and none for us.
    /// </summary>
    internal static class IndexPage
    {
        /// <summary>The Accept header pip sends for a page: JSON first, then HTML.</summary>
        public const string Accept = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01";

        private const string JsonType = "application/vnd.pypi.simple.v1+json";

        public static IReadOnlyList<IndexLink> Parse(FetchedUrl page)
        {
            if (page.ContentType.StartsWith(JsonType, StringComparison.Ordinal))
            {
                return ParseJson(Encoding.UTF8.GetString(page.Body), page.Url);
            }

            return page.ContentType.StartsWith("text/html", StringComparison.Ordinal) || page.ContentType.StartsWith("application/vnd.pypi.simple.v1+html", StringComparison.Ordinal)
                ? ParseHtml(Encoding.UTF8.GetString(page.Body), page.Url)
                : Array.Empty<IndexLink>();
        }

        public static IReadOnlyList<IndexLink> ParseHtml(string html, Uri pageUrl)
        {
            var baseHref = HtmlAnchors.BaseHref(html);
            var baseUrl = !string.IsNullOrEmpty(baseHref) && Uri.TryCreate(pageUrl, baseHref, out var declared) ? declared : pageUrl;
            var links = new List<IndexLink>();
            foreach (var attributes in HtmlAnchors.Of(html))
            {
                if (!attributes.TryGetValue("href", out var href) || string.IsNullOrEmpty(href) || !Uri.TryCreate(baseUrl, href!.Trim(), out var url))
                {
                    continue;
                }

                // Read as pip reads them: an attribute written bare has no value (None in Python's HTMLParser), so a bare
                // data-yanked yanks nothing for pip; data-yanked="" does.
                attributes.TryGetValue("data-requires-python", out var requiresPython);
                attributes.TryGetValue("data-yanked", out var yankedReason);
                // PEP 714's name first, then the older one; "true", or "hashname=value"; any other value still says the file exists.
                if (!attributes.TryGetValue("data-core-metadata", out var metadata) || metadata == null)
                {
                    attributes.TryGetValue("data-dist-info-metadata", out metadata);
                }

                var metadataSha = metadata != null && metadata.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase) ? metadata.Substring(7).ToLowerInvariant() : null;
                links.Add(new IndexLink(WithoutFragment(url), FragmentSha256(url), requiresPython, yankedReason, metadata != null, metadataSha));
            }

            return links;
        }

        public static IReadOnlyList<IndexLink> ParseJson(string json, Uri pageUrl)
        {
            JObject page;
            try
            {
                page = JObject.Parse(json);
            }
            catch (JsonException e)
            {
                throw new PipMustDecideException($"the index page {pageUrl.GetLeftPart(UriPartial.Path)} is not valid JSON ({e.Message}): pip decides");
            }

            var links = new List<IndexLink>();
            foreach (var file in page["files"] as JArray ?? new JArray())
            {
                var href = file["url"]?.Value<string>();
                if (string.IsNullOrEmpty(href) || !Uri.TryCreate(pageUrl, href, out var url))
                {
                    continue;
                }

                var sha256 = (file["hashes"] as JObject)?["sha256"]?.Value<string>()?.ToLowerInvariant() ?? FragmentSha256(url);
                var requiresPython = file["requires-python"]?.Type == JTokenType.String ? file["requires-python"]!.Value<string>() : null;
                // pip: true, or a non-empty reason, yanks; false, "" or nothing does not.
                var yanked = file["yanked"];
                var yankedReason = yanked == null ? null
                    : yanked.Type == JTokenType.Boolean ? (yanked.Value<bool>() ? "" : null)
                    : yanked.Type == JTokenType.String && yanked.Value<string>()!.Length > 0 ? yanked.Value<string>() : null;
                var metadata = file["core-metadata"] ?? file["dist-info-metadata"];
                var hasMetadata = metadata != null && (metadata.Type == JTokenType.Object || (metadata.Type == JTokenType.Boolean && metadata.Value<bool>()));
                var metadataSha = (metadata as JObject)?["sha256"]?.Value<string>()?.ToLowerInvariant();
                links.Add(new IndexLink(WithoutFragment(url), sha256, requiresPython, yankedReason, hasMetadata, metadataSha));
            }

            return links;
        }

        private static Uri WithoutFragment(Uri url) => new Uri(url.GetLeftPart(UriPartial.Query));

        private static string? FragmentSha256(Uri url)
        {
            var fragment = url.Fragment.TrimStart('#');
            return fragment.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase) ? fragment.Substring(7).ToLowerInvariant() : null;
        }
    }
}
