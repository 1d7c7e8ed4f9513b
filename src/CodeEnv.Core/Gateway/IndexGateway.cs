using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Store;

namespace CodeEnv.Gateway
{
    /// <summary>
    /// The one step of a served root's pip run that holds the root's index credentials, and it runs no package code: a
    /// small HTTP/1.1 server in the service process, on a Unix socket in a fresh folder only the service account can
    /// enter, that the sandbox's forwarder (<see cref="GatewayForwarder"/>) passes pip's connections to. It answers GET
    /// and HEAD for the paths <see cref="GatewayRoutes"/> resolves, fetching them from the sources
    /// (<see cref="UpstreamClient"/>), gives pip each HTML page rewritten (<see cref="SimplePage"/>) and streams files
    /// through. One request a connection (Connection: close). What a connection may spend is bounded: the request head
    /// and the time to send it, the page held to rewrite, the waits upstream, the connections served at once.
    /// </summary>
    internal sealed class IndexGateway : IDisposable
    {
        public const int MaxPageBytes = 32 * 1024 * 1024;

        private const int MaxConnections = 16;

        private static readonly TimeSpan HeadTimeout = TimeSpan.FromSeconds(30);

        private readonly string folder;
        private readonly GatewayRoutes routes;
        private readonly Socket listener;
        private readonly UpstreamClient upstream;
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private readonly SemaphoreSlim slots = new SemaphoreSlim(MaxConnections);

        private IndexGateway(string folder, string socketPath, GatewayRoutes routes, Socket listener)
        {
            this.folder = folder;
            SocketPath = socketPath;
            this.routes = routes;
            this.listener = listener;
            upstream = new UpstreamClient(routes);
            _ = AcceptAsync();
        }

        /// <summary>The socket pip's connections come in on, to be bound into the sandbox.</summary>
        public string SocketPath { get; }

        /// <summary>Starts a gateway for <paramref name="routes"/> in a fresh folder (mode 0700) under <paramref name="workFolder"/>, the service's own.</summary>
        public static IndexGateway Start(string workFolder, GatewayRoutes routes)
        {
            var folder = Path.Combine(workFolder, "gw-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            var socketPath = Path.Combine(folder, "s");
            // sockaddr_un holds 108 bytes with the terminating zero.
            if (Encoding.UTF8.GetByteCount(socketPath) > 107)
            {
                throw new CodeEnvException(ErrorIds.GatewayPathTooLong, $"The service cannot give pip its package sources: the socket path '{socketPath}' is longer than a Unix socket path may be (107 bytes). Serve a root whose path is shorter.", workFolder);
            }

            Directory.CreateDirectory(folder);
            UnixLinks.TryChangeMode(folder, Convert.ToInt32("700", 8));
            var listener = UnixSocket.Create();
            try
            {
                listener.Bind(UnixSocket.EndPoint(socketPath));
                UnixLinks.TryChangeMode(socketPath, Convert.ToInt32("600", 8));
                listener.Listen(MaxConnections);
            }
            catch
            {
                listener.Dispose();
                Directory.Delete(folder, recursive: true);
                throw;
            }

            return new IndexGateway(folder, socketPath, routes, listener);
        }

        public void Dispose()
        {
            stopping.Cancel();
            listener.Dispose();
            upstream.Dispose();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private async Task AcceptAsync()
        {
            while (!stopping.IsCancellationRequested)
            {
                Socket connection;
                try
                {
                    connection = await listener.AcceptAsync().ConfigureAwait(false);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException)
                {
                    if (stopping.IsCancellationRequested)
                    {
                        return;
                    }

                    continue;
                }

                _ = ServeAsync(connection);
            }
        }

        private async Task ServeAsync(Socket connection)
        {
            using (var stream = new NetworkStream(connection, ownsSocket: true))
            {
                try
                {
                    await slots.WaitAsync(stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                try
                {
                    GatewayRequest? request;
                    using (var head = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token))
                    {
                        head.CancelAfter(HeadTimeout);
                        request = await GatewayRequest.ReadAsync(stream, head.Token).ConfigureAwait(false);
                    }

                    if (request == null)
                    {
                        await GatewayResponse.ErrorAsync(stream, 400, "Bad Request", "not an HTTP/1.1 request this gateway reads", headOnly: false, stopping.Token).ConfigureAwait(false);
                        return;
                    }

                    await AnswerAsync(stream, request).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // A connection that breaks, times out or is stopped ends; pip retries or says what it could not fetch.
                }
                finally
                {
                    slots.Release();
                }
            }
        }

        private async Task AnswerAsync(Stream client, GatewayRequest request)
        {
            var head = request.Method == "HEAD";
            if (!head && request.Method != "GET")
            {
                await GatewayResponse.ErrorAsync(client, 405, "Method Not Allowed", "the gateway answers GET and HEAD", head, stopping.Token).ConfigureAwait(false);
                return;
            }

            var target = routes.Resolve(request.Target);
            if (target == null)
            {
                await GatewayResponse.ErrorAsync(client, 404, "Not Found", "not a URL this gateway issued", head, stopping.Token).ConfigureAwait(false);
                return;
            }

            HttpResponseMessage response;
            Uri final;
            try
            {
                (response, final) = await upstream.SendAsync(head ? HttpMethod.Head : HttpMethod.Get, target, stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !stopping.IsCancellationRequested))
            {
                await GatewayResponse.ErrorAsync(client, 502, "Bad Gateway", "the package source did not answer: " + e.Message, head, stopping.Token).ConfigureAwait(false);
                return;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                var type = response.Content.Headers.ContentType;
                var media = type?.MediaType?.ToLowerInvariant() ?? "";
                if (status < 200 || status > 299)
                {
                    await GatewayResponse.ErrorAsync(client, status, response.ReasonPhrase ?? "Error", "the package source answered " + status, head, stopping.Token).ConfigureAwait(false);
                }
                else if (media.Contains("json"))
                {
                    // pip would follow a JSON page's URLs itself, past the gateway: only HTML is asked for and served.
                    await GatewayResponse.ErrorAsync(client, 502, "Bad Gateway", "the package source answered JSON; the gateway serves HTML (PEP 503) pages only", head, stopping.Token).ConfigureAwait(false);
                }
                else if (media == "text/html" || media == "application/vnd.pypi.simple.v1+html" || media == "application/xhtml+xml")
                {
                    await PageAsync(client, response, type!, final, target.Source, head).ConfigureAwait(false);
                }
                else
                {
                    await FileAsync(client, response, head).ConfigureAwait(false);
                }
            }
        }

        private async Task PageAsync(Stream client, HttpResponseMessage response, MediaTypeHeaderValue type, Uri pageUrl, int source, bool head)
        {
            var headers = new Dictionary<string, string>
            {
                ["Content-Type"] = "text/html; charset=utf-8",
                // Its /u/ links are issued for this run: never reused from pip's cache.
                ["Cache-Control"] = "no-store",
            };
            if (head)
            {
                await GatewayResponse.WriteAsync(client, 200, "OK", headers, null, stopping.Token).ConfigureAwait(false);
                return;
            }

            var bytes = await UpstreamClient.ReadBoundedAsync(response, MaxPageBytes, stopping.Token).ConfigureAwait(false);
            if (bytes == null)
            {
                await GatewayResponse.ErrorAsync(client, 502, "Bad Gateway", $"the page is larger than the gateway rewrites ({MaxPageBytes} bytes)", head, stopping.Token).ConfigureAwait(false);
                return;
            }

            var page = Encoding.UTF8.GetBytes(SimplePage.Rewrite(EncodingOf(type).GetString(bytes), pageUrl, (link, metadata) => routes.Link(link, source, metadata)));
            headers["Content-Length"] = page.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await GatewayResponse.WriteAsync(client, 200, "OK", headers, page, stopping.Token).ConfigureAwait(false);
        }

        private async Task FileAsync(Stream client, HttpResponseMessage response, bool head)
        {
            var headers = new Dictionary<string, string> { ["Content-Type"] = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream" };
            if (response.Content.Headers.ContentLength is long length)
            {
                headers["Content-Length"] = length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            // What pip's HTTP cache goes by: the gateway URL of a file is the same in every run.
            if (response.Headers.CacheControl != null)
            {
                headers["Cache-Control"] = response.Headers.CacheControl.ToString();
            }

            if (response.Headers.ETag != null)
            {
                headers["ETag"] = response.Headers.ETag.ToString();
            }

            if (response.Content.Headers.LastModified is DateTimeOffset modified)
            {
                headers["Last-Modified"] = modified.ToString("r", System.Globalization.CultureInfo.InvariantCulture);
            }

            await GatewayResponse.WriteAsync(client, 200, "OK", headers, null, stopping.Token).ConfigureAwait(false);
            if (!head)
            {
                await UpstreamClient.CopyAsync(response, client, stopping.Token).ConfigureAwait(false);
            }
        }

        private static Encoding EncodingOf(MediaTypeHeaderValue type)
        {
            try
            {
                return string.IsNullOrEmpty(type.CharSet) ? new UTF8Encoding(false) : Encoding.GetEncoding(type.CharSet.Trim('"'));
            }
            catch (ArgumentException)
            {
                return new UTF8Encoding(false);
            }
        }
    }
}
