using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CodeEnv.Gateway
{
    /// <summary>
    /// The index gateway's side toward the package sources: fetches what <see cref="GatewayRoutes"/> resolved, asking for
    /// HTML (PEP 503) pages, with the Basic credentials only where they belong, following redirects as pip would, and
    /// with every wait bounded: for the response head and for each read of a body.
    /// </summary>
    internal sealed class UpstreamClient : IDisposable
    {
        private const int MaxRedirects = 5;
        private const int BufferBytes = 64 * 1024;

        // Below every wait pip itself would sit out (its socket timeout is 15 s a read, retried).
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

        private readonly GatewayRoutes routes;
        private readonly HttpClient client;

        public UpstreamClient(GatewayRoutes routes)
        {
            this.routes = routes;
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
                // pip's --trusted-host: that host's certificate is not checked, as pip would not check it.
                ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => errors == SslPolicyErrors.None || (request.RequestUri != null && routes.IsTrusted(request.RequestUri)),
            };
            client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            client.DefaultRequestHeaders.UserAgent.ParseAdd("CodeEnv-index-gateway/1.0");
        }

        public void Dispose() => client.Dispose();

        /// <summary>The response for <paramref name="target"/> (its head read, its body not) and the URL that answered, after redirects.</summary>
        public async Task<(HttpResponseMessage Response, Uri Final)> SendAsync(HttpMethod method, GatewayTarget target, CancellationToken cancellation)
        {
            var url = target.Upstream;
            for (var hop = 0; ; hop++)
            {
                using (var request = new HttpRequestMessage(method, url))
                {
                    request.Headers.Accept.ParseAdd("application/vnd.pypi.simple.v1+html, text/html;q=0.9, */*;q=0.1");
                    var credentials = routes.CredentialsFor(url, target.Source);
                    if (credentials != null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
                    }

                    HttpResponseMessage response;
                    using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
                    {
                        timeout.CancelAfter(Timeout);
                        response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    }

                    var status = (int)response.StatusCode;
                    var location = response.Headers.Location;
                    if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308) && location != null && hop < MaxRedirects)
                    {
                        response.Dispose();
                        var next = new Uri(url, location);
                        if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                        {
                            throw new HttpRequestException("it redirected to a URL that is not http(s)");
                        }

                        // Credentials follow a redirect only where they belong anyway: CredentialsFor decides for each URL.
                        url = next;
                        continue;
                    }

                    return (response, url);
                }
            }
        }

        /// <summary>A body's bytes, or null when there are more than <paramref name="maxBytes"/> of them.</summary>
        public static async Task<byte[]?> ReadBoundedAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellation)
        {
            if (response.Content.Headers.ContentLength > maxBytes)
            {
                return null;
            }

            using (var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            using (var page = new MemoryStream())
            {
                var buffer = new byte[BufferBytes];
                int read;
                while ((read = await ReadAsync(body, buffer, cancellation).ConfigureAwait(false)) > 0)
                {
                    if (page.Length + read > maxBytes)
                    {
                        return null;
                    }

                    page.Write(buffer, 0, read);
                }

                return page.ToArray();
            }
        }

        /// <summary>Streams a body to <paramref name="target"/>: a wheel of gigabytes passes through a buffer of 64 KiB.</summary>
        public static async Task CopyAsync(HttpResponseMessage response, Stream target, CancellationToken cancellation)
        {
            using (var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            {
                var buffer = new byte[BufferBytes];
                int read;
                while ((read = await ReadAsync(body, buffer, cancellation).ConfigureAwait(false)) > 0)
                {
                    using (var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
                    {
                        idle.CancelAfter(Timeout);
                        await target.WriteAsync(buffer, 0, read, idle.Token).ConfigureAwait(false);
                    }
                }
            }
        }

        private static async Task<int> ReadAsync(Stream body, byte[] buffer, CancellationToken cancellation)
        {
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
            {
                idle.CancelAfter(Timeout);
                return await body.ReadAsync(buffer, 0, buffer.Length, idle.Token).ConfigureAwait(false);
            }
        }
    }
}
