using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// Reads URLs for a direct root with HttpClient. Credentials are sent as pip sends them: those written in a URL, and
    /// those of a source URL for every URL on the same host and port (a file an index links to on its own host), never to
    /// another host. Bodies are bounded, and so is every wait.
    /// </summary>
    public sealed class HttpUrlFetcher : IUrlFetcher, IDisposable
    {
        private const int MaxBodyBytes = 64 * 1024 * 1024;

        private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(60);

        private readonly HttpClient client;
        private readonly Dictionary<string, string> credentialsByOrigin = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <param name="sourceUrls">The root's source URLs as pip is given them, credentials included.</param>
        public HttpUrlFetcher(IEnumerable<string> sourceUrls)
        {
            foreach (var source in sourceUrls)
            {
                if (Uri.TryCreate(source, UriKind.Absolute, out var url) && url.UserInfo.Length > 0 && !credentialsByOrigin.ContainsKey(Origin(url)))
                {
                    credentialsByOrigin[Origin(url)] = Uri.UnescapeDataString(url.UserInfo);
                }
            }

            // Redirects are followed by the handler, which drops the Authorization header on the way.
            client = new HttpClient(new HttpClientHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.UserAgent.ParseAdd("CodeEnv-resolver/1.0");
        }

        public void Dispose() => client.Dispose();

        public async Task<FetchedUrl?> GetAsync(Uri url, string accept, CancellationToken cancellation)
        {
            var credentials = url.UserInfo.Length > 0 ? Uri.UnescapeDataString(url.UserInfo) : credentialsByOrigin.TryGetValue(Origin(url), out var known) ? known : null;
            var bare = new UriBuilder(url) { UserName = "", Password = "" }.Uri;
            using (var request = new HttpRequestMessage(HttpMethod.Get, bare))
            {
                request.Headers.Accept.ParseAdd(accept);
                request.Headers.CacheControl = new CacheControlHeaderValue { MaxAge = TimeSpan.Zero };
                if (credentials != null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
                }

                try
                {
                    using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false))
                    {
                        if (response.StatusCode == HttpStatusCode.NotFound || response.StatusCode == HttpStatusCode.Gone)
                        {
                            return null;
                        }

                        if (!response.IsSuccessStatusCode)
                        {
                            throw new PipMustDecideException($"{Shown(bare)} answered {(int)response.StatusCode} {response.ReasonPhrase}: pip decides, and reports it");
                        }

                        if (response.Content.Headers.ContentLength > MaxBodyBytes)
                        {
                            throw new PipMustDecideException($"{Shown(bare)} is larger than {MaxBodyBytes / 1024 / 1024} MB: pip decides");
                        }

                        var body = await ReadBoundedAsync(response, bare, cancellation).ConfigureAwait(false);
                        var type = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant() ?? "";
                        return new FetchedUrl(response.RequestMessage?.RequestUri ?? bare, type, body);
                    }
                }
                catch (HttpRequestException e)
                {
                    throw new PipMustDecideException($"{Shown(bare)} could not be read ({e.Message}): pip decides, and reports it");
                }
                catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    throw new PipMustDecideException($"{Shown(bare)} did not answer in time: pip decides");
                }
            }
        }

        /// <summary>
        /// Streams the body of <paramref name="url"/> (a wheel, which may be gigabytes: torch) to <paramref name="consume"/>,
        /// never holding it whole; false when the server says it has none (404, 410). Only index pages and metadata are
        /// capped in size (<see cref="GetAsync"/>); here every read waits at most a minute, however long the whole takes.
        /// </summary>
        /// <exception cref="PipMustDecideException">The URL could not be read (no connection, another status, a stalled body).</exception>
        public async Task<bool> DownloadAsync(Uri url, Action<Stream> consume, CancellationToken cancellation)
        {
            var credentials = url.UserInfo.Length > 0 ? Uri.UnescapeDataString(url.UserInfo) : credentialsByOrigin.TryGetValue(Origin(url), out var known) ? known : null;
            var bare = new UriBuilder(url) { UserName = "", Password = "" }.Uri;
            using (var request = new HttpRequestMessage(HttpMethod.Get, bare))
            {
                request.Headers.Accept.ParseAdd("*/*");
                if (credentials != null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
                }

                try
                {
                    using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false))
                    {
                        if (response.StatusCode == HttpStatusCode.NotFound || response.StatusCode == HttpStatusCode.Gone)
                        {
                            return false;
                        }

                        if (!response.IsSuccessStatusCode)
                        {
                            throw new PipMustDecideException($"{Shown(bare)} answered {(int)response.StatusCode} {response.ReasonPhrase}: pip decides, and reports it");
                        }

                        using (var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                        using (var bounded = new IdleTimeoutStream(body, ReadTimeout, cancellation))
                        {
                            consume(bounded);
                        }

                        return true;
                    }
                }
                catch (HttpRequestException e)
                {
                    throw new PipMustDecideException($"{Shown(bare)} could not be read ({e.Message}): pip decides, and reports it");
                }
                catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    throw new PipMustDecideException($"{Shown(bare)} did not answer in time: pip decides");
                }
            }
        }

        private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, Uri url, CancellationToken cancellation)
        {
            using (var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            using (var body = new MemoryStream())
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(buffer, 0, buffer.Length, cancellation).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > MaxBodyBytes)
                    {
                        throw new PipMustDecideException($"{Shown(url)} is larger than {MaxBodyBytes / 1024 / 1024} MB: pip decides");
                    }

                    body.Write(buffer, 0, read);
                }

                return body.ToArray();
            }
        }

        private static string Origin(Uri url) => url.Scheme + "://" + url.Host + ":" + url.Port;

        private static string Shown(Uri url) => url.GetLeftPart(UriPartial.Path);
    }
}
