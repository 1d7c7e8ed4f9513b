using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// The anchors of an index page and its &lt;base href&gt;, with their attributes as pip's HTML parser reads them: names
    /// lower-cased, values with their character references decoded, a quoted value free to hold '&gt;', and a bare attribute
    /// without a value (null). What the finder reads of a page, and what the index gateway keeps of one.
    /// </summary>
    internal static class HtmlAnchors
    {
        private static readonly Regex Anchor = Tag("a");
        private static readonly Regex Base = Tag("base");
        private static readonly Regex Attribute = new Regex(
            @"(?<name>[^\s""'>/=]+)(?:\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s>]+)))?",
            RegexOptions.CultureInvariant);

        /// <summary>Each anchor's attributes, in the page's order.</summary>
        public static IEnumerable<Dictionary<string, string?>> Of(string html) =>
            Anchor.Matches(html).Cast<Match>().Select(a => Attributes(a.Groups["attributes"].Value));

        /// <summary>The href of the page's first &lt;base&gt;, or null.</summary>
        public static string? BaseHref(string html)
        {
            var tag = Base.Match(html);
            return tag.Success && Attributes(tag.Groups["attributes"].Value).TryGetValue("href", out var href) ? href : null;
        }

        private static Regex Tag(string name) => new Regex(
            "<" + name + @"(?=[\s>/])(?<attributes>(?:[^>""']|""[^""]*""|'[^']*')*)>",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static Dictionary<string, string?> Attributes(string text)
        {
            var attributes = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (Match attribute in Attribute.Matches(text))
            {
                var name = attribute.Groups["name"].Value.ToLowerInvariant();
                if (!attributes.ContainsKey(name))
                {
                    attributes[name] = attribute.Groups["value"].Success ? WebUtility.HtmlDecode(attribute.Groups["value"].Value) : null;
                }
            }

            return attributes;
        }
    }
}
