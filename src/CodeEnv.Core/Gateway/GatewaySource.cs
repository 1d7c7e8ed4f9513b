using System;
using CodeEnv.Store;

namespace CodeEnv.Gateway
{
    /// <summary>
    /// One package source of a pip run as the index gateway serves it: source k is <c>/i/k/</c>, mapped onto the folder
    /// its URL names (an index URL is a folder; a find-links URL names a page in one), and carries the Basic
    /// credentials of its URL, which only the gateway ever sends, and only to this source's scheme, host and port.
    /// </summary>
    internal sealed class GatewaySource
    {
        private GatewaySource(int key, Uri folder, string entry, string? credentials, string shownFolder)
        {
            Key = key;
            Folder = folder;
            Entry = entry;
            Credentials = credentials;
            ShownFolder = shownFolder;
        }

        public int Key { get; }

        /// <summary>The upstream folder, without credentials, ending in '/': everything under it is this source's.</summary>
        public Uri Folder { get; }

        /// <summary>What pip is given for this source, as a path on the gateway: <c>/i/0/</c>, <c>/i/2/index.html</c>.</summary>
        public string Entry { get; }

        /// <summary>"user:password" as pip would send it, or null.</summary>
        public string? Credentials { get; }

        /// <summary>The folder as logs may show it: credentials masked.</summary>
        public string ShownFolder { get; }

        /// <summary>Where this source's paths start on the gateway.</summary>
        public string Prefix => "/i/" + Key.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";

        /// <summary>The source of an http(s) URL (with its credentials, if any), or null for any other (a file: URL pip reads itself).</summary>
        /// <param name="isIndex">An index URL names a folder pip appends project names to; a find-links URL names a page.</param>
        public static GatewaySource? Of(int key, string url, bool isIndex)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return null;
            }

            var credentials = SourceSecrets.CredentialsOf(url) is { } found ? found.User + ":" + found.Password : null;
            var bare = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
            var query = uri.GetComponents(UriComponents.Query | UriComponents.KeepDelimiter, UriFormat.UriEscaped);
            string folder;
            string entry;
            if (isIndex)
            {
                folder = bare.EndsWith("/", StringComparison.Ordinal) ? bare : bare + "/";
                entry = query;
            }
            else
            {
                var slash = bare.LastIndexOf('/');
                folder = bare.Substring(0, slash + 1);
                entry = bare.Substring(slash + 1) + query;
            }

            var prefix = "/i/" + key.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";
            var folderUri = new Uri(folder);
            return new GatewaySource(key, folderUri, prefix + entry, credentials, ShownFolderOf(url, folderUri));
        }

        /// <summary>Whether <paramref name="upstream"/> is this source's scheme, host and port.</summary>
        public bool SharesOrigin(Uri upstream) =>
            string.Equals(upstream.Scheme, Folder.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(upstream.IdnHost, Folder.IdnHost, StringComparison.OrdinalIgnoreCase)
            && upstream.Port == Folder.Port;

        /// <summary>The path under <see cref="Folder"/> that <paramref name="upstream"/> names, or null when it is not under it.</summary>
        public string? PathUnder(Uri upstream)
        {
            var text = upstream.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped);
            var folder = Folder.AbsoluteUri;
            return SharesOrigin(upstream) && text.StartsWith(folder, StringComparison.Ordinal) ? text.Substring(folder.Length) : null;
        }

        // https://user:***@host/simple/: the folder with the URL's user shown and its secret masked.
        private static string ShownFolderOf(string url, Uri folder)
        {
            var shown = SourceSecrets.Redact(url);
            var afterScheme = shown.IndexOf("://", StringComparison.Ordinal) + 3;
            var path = shown.IndexOf('/', afterScheme);
            var at = shown.LastIndexOf('@', path < 0 ? shown.Length - 1 : path);
            var userInfo = at >= afterScheme ? shown.Substring(afterScheme, at - afterScheme + 1) : "";
            return folder.Scheme + "://" + userInfo + folder.AbsoluteUri.Substring(folder.Scheme.Length + 3);
        }
    }
}
