using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CodeEnv.Python;

namespace CodeEnv.Gateway
{
    /// <summary>
    /// What the index gateway of one pip run may fetch, and how pip names it. pip is given <c>/i/k/...</c> for source k
    /// (<see cref="GatewaySource"/>); every link of a page the gateway serves becomes either a path under a source or
    /// <c>/u/&lt;id&gt;/&lt;file name&gt;</c>, an id issued for that one upstream URL. The gateway fetches nothing else:
    /// code that reaches it (package code in the sandbox does) cannot make the service fetch a URL of its choosing.
    /// An id is a hash of its URL, so the same file has the same gateway URL in every run and pip's caches keep
    /// working; it is served only once issued in this run.
    /// </summary>
    internal sealed class GatewayRoutes
    {
        /// <summary>Where a URL pip is given names the gateway; the sandbox puts the address its forwarder listens on in its place.</summary>
        public const string Placeholder = "codeenv-gateway.invalid";

        private static readonly Regex GatewayUrl = new Regex(@"http://127\.0\.0\.1:\d+/(?:i/(?<source>\d+)/|u/(?<id>[0-9a-f]{20})/)", RegexOptions.CultureInvariant);

        private readonly List<GatewaySource> sources;
        private readonly ConcurrentDictionary<string, IssuedLink> issued = new ConcurrentDictionary<string, IssuedLink>(StringComparer.Ordinal);
        private readonly IReadOnlyList<string> trustedHosts;

        private GatewayRoutes(List<GatewaySource> sources, Dictionary<string, string> pipVariables, IReadOnlyList<string> trustedHosts)
        {
            this.sources = sources;
            PipVariables = pipVariables;
            this.trustedHosts = trustedHosts;
        }

        /// <summary>pip's source variables as the sandbox gives them: each http(s) URL replaced by its gateway URL (with <see cref="Placeholder"/>).</summary>
        public IReadOnlyDictionary<string, string> PipVariables { get; }

        public IReadOnlyList<GatewaySource> Sources => sources;

        /// <summary>The routes for the sources in pip's variables (<see cref="PipArguments.SourceVariables"/>), or null when none is an http(s) URL.</summary>
        public static GatewayRoutes? From(IReadOnlyDictionary<string, string?> environment)
        {
            var sources = new List<GatewaySource>();
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var variable in PipArguments.SourceVariables)
            {
                if (!environment.TryGetValue(variable, out var value) || string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                var given = new List<string>();
                foreach (var url in value!.Split(new[] { ' ', '\t', '\n' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    var source = GatewaySource.Of(sources.Count, url, isIndex: variable != PipArguments.FindLinksVariable);
                    if (source == null)
                    {
                        given.Add(url);
                        continue;
                    }

                    sources.Add(source);
                    given.Add("http://" + Placeholder + source.Entry);
                }

                variables[variable] = string.Join(" ", given);
            }

            environment.TryGetValue(PipArguments.TrustedHostVariable, out var trusted);
            var trustedHosts = (trusted ?? "").Split(new[] { ' ', '\t', '\n' }, StringSplitOptions.RemoveEmptyEntries);
            return sources.Count == 0 ? null : new GatewayRoutes(sources, variables, trustedHosts);
        }

        /// <summary>The upstream URL a path on the gateway names (and the source it belongs to), or null when the gateway did not issue it.</summary>
        public GatewayTarget? Resolve(string pathAndQuery)
        {
            if (pathAndQuery.StartsWith("/i/", StringComparison.Ordinal))
            {
                var slash = pathAndQuery.IndexOf('/', 3);
                if (slash < 0 || !int.TryParse(pathAndQuery.Substring(3, slash - 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var key) || key >= sources.Count)
                {
                    return null;
                }

                var source = sources[key];
                var rest = pathAndQuery.Substring(slash + 1);
                if (!StaysUnder(rest) || !Uri.TryCreate(source.Folder.AbsoluteUri + rest, UriKind.Absolute, out var upstream) || source.PathUnder(upstream) == null)
                {
                    return null;
                }

                return new GatewayTarget(upstream, key);
            }

            if (pathAndQuery.StartsWith("/u/", StringComparison.Ordinal))
            {
                var slash = pathAndQuery.IndexOf('/', 3);
                if (slash < 0 || !issued.TryGetValue(pathAndQuery.Substring(3, slash - 3), out var link))
                {
                    return null;
                }

                var rest = pathAndQuery.Substring(slash + 1);
                if (rest == link.FileName)
                {
                    return new GatewayTarget(link.Upstream, link.Issuer);
                }

                // PEP 658: the core metadata of a file whose link said it has one, at the file's URL + ".metadata".
                if (link.HasMetadata && rest == link.FileName + ".metadata")
                {
                    var metadata = new UriBuilder(link.Upstream);
                    metadata.Path += ".metadata";
                    return new GatewayTarget(metadata.Uri, link.Issuer);
                }
            }

            return null;
        }

        /// <summary>The gateway path for a link found on a page from source <paramref name="issuer"/>: under a source where it is, else an id issued for it now.</summary>
        public string Link(Uri upstream, int issuer, bool hasMetadata)
        {
            foreach (var source in sources.Where(s => s.Key == issuer).Concat(sources.Where(s => s.Key != issuer)))
            {
                var rest = source.PathUnder(upstream);
                if (rest != null && StaysUnder(rest))
                {
                    return source.Prefix + rest;
                }
            }

            var bare = new Uri(upstream.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped));
            var id = IdOf(bare);
            var path = bare.GetComponents(UriComponents.Path, UriFormat.UriEscaped);
            var fileName = path.Substring(path.LastIndexOf('/') + 1);
            issued.AddOrUpdate(id, _ => new IssuedLink(bare, fileName, hasMetadata, issuer), (_, known) => new IssuedLink(known.Upstream, known.FileName, known.HasMetadata || hasMetadata, known.Issuer));
            return "/u/" + id + "/" + fileName;
        }

        /// <summary>
        /// The Basic credentials to send with a request for <paramref name="upstream"/>, as pip would choose them: those
        /// of a source it lies under, else those of the source whose page named it, else of the first source of its
        /// scheme, host and port; null for any other host.
        /// </summary>
        public string? CredentialsFor(Uri upstream, int issuer)
        {
            var under = sources.FirstOrDefault(s => s.Credentials != null && s.PathUnder(upstream) != null);
            if (under != null)
            {
                return under.Credentials;
            }

            var source = sources[issuer];
            return source.Credentials != null && source.SharesOrigin(upstream)
                ? source.Credentials
                : sources.FirstOrDefault(s => s.Credentials != null && s.SharesOrigin(upstream))?.Credentials;
        }

        /// <summary>pip's --trusted-host: a host whose certificate is not checked.</summary>
        public bool IsTrusted(Uri upstream) =>
            trustedHosts.Any(h => string.Equals(h, upstream.Host, StringComparison.OrdinalIgnoreCase) || string.Equals(h, upstream.Authority, StringComparison.OrdinalIgnoreCase));

        /// <summary>A line of pip's output with each gateway URL shown as the source it stands for (credentials masked).</summary>
        public string Shown(string line) => line.IndexOf("http://127.0.0.1:", StringComparison.Ordinal) < 0 ? line : GatewayUrl.Replace(line, match =>
        {
            if (match.Groups["source"].Success)
            {
                var key = int.Parse(match.Groups["source"].Value, System.Globalization.CultureInfo.InvariantCulture);
                return key < sources.Count ? sources[key].ShownFolder : match.Value;
            }

            return issued.TryGetValue(match.Groups["id"].Value, out var link) ? link.ShownFolder : match.Value;
        });

        public static string IdOf(Uri upstream)
        {
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(upstream.AbsoluteUri));
                return string.Concat(hash.Take(10).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        // A path below a source's folder that cannot climb out of it, as the gateway or the upstream server might read it.
        private static bool StaysUnder(string rest)
        {
            var path = rest.Split('?')[0];
            return path.IndexOf('\\') < 0
                && path.IndexOf("%2e", StringComparison.OrdinalIgnoreCase) < 0
                && path.IndexOf("%2f", StringComparison.OrdinalIgnoreCase) < 0
                && path.IndexOf("%5c", StringComparison.OrdinalIgnoreCase) < 0
                && !path.Split('/').Any(segment => segment == "." || segment == "..")
                && !path.StartsWith("/", StringComparison.Ordinal);
        }

        private sealed class IssuedLink
        {
            public IssuedLink(Uri upstream, string fileName, bool hasMetadata, int issuer)
            {
                Upstream = upstream;
                FileName = fileName;
                HasMetadata = hasMetadata;
                Issuer = issuer;
                var path = upstream.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
                ShownFolder = path.Substring(0, path.LastIndexOf('/') + 1);
            }

            public Uri Upstream { get; }

            public string FileName { get; }

            public bool HasMetadata { get; }

            public int Issuer { get; }

            public string ShownFolder { get; }
        }
    }
}
