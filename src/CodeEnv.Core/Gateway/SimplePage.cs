using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using CodeEnv.Resolution;

namespace CodeEnv.Gateway
{
    /// <summary>
    /// A PEP 503 page as the gateway gives it to pip: made anew from the anchors of the upstream page, each link
    /// resolved against the page's URL (or its &lt;base href&gt;) and replaced by its gateway path, with the attributes
    /// pip reads (requires-python, yanked, the PEP 658 metadata marks) and the link's fragment (#sha256=...) kept. Nothing
    /// else of the upstream page reaches pip, so no link can name a URL the gateway did not issue.
    /// </summary>
    internal static class SimplePage
    {
        private static readonly string[] KeptAttributes = { "data-requires-python", "data-yanked", "data-gpg-sig", "data-core-metadata", "data-dist-info-metadata" };

        private static readonly string[] MetadataAttributes = { "data-core-metadata", "data-dist-info-metadata" };

        /// <param name="gatewayPath">The gateway path of an upstream link (without its fragment) and whether it says it has PEP 658 metadata.</param>
        public static string Rewrite(string html, Uri pageUrl, Func<Uri, bool, string> gatewayPath)
        {
            // The anchors and attributes as pip's HTML parser reads them, the same reading as the resolver's (HtmlAnchors).
            var baseUrl = pageUrl;
            var baseHref = HtmlAnchors.BaseHref(html);
            if (baseHref != null && Uri.TryCreate(pageUrl, baseHref, out var declared) && IsHttp(declared))
            {
                baseUrl = declared;
            }

            var page = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
            foreach (var attributes in HtmlAnchors.Of(html))
            {
                if (!attributes.TryGetValue("href", out var href) || href == null || !Uri.TryCreate(baseUrl, href.Trim(), out var link) || !IsHttp(link))
                {
                    continue;
                }

                var hasMetadata = MetadataAttributes.Any(a => attributes.TryGetValue(a, out var value) && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase));
                var path = gatewayPath(link, hasMetadata) + link.Fragment;
                page.Append("<a href=\"").Append(WebUtility.HtmlEncode(path)).Append('"');
                foreach (var name in KeptAttributes.Where(attributes.ContainsKey))
                {
                    var value = attributes[name];
                    page.Append(' ').Append(name);
                    if (value != null)
                    {
                        page.Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
                    }
                }

                page.Append('>').Append(WebUtility.HtmlEncode(Uri.UnescapeDataString(path.Split('#')[0].Split('?')[0].Split('/').Last()))).Append("</a><br>\n");
            }

            return page.Append("</body></html>\n").ToString();
        }

        private static bool IsHttp(Uri url) => url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps;
    }
}
