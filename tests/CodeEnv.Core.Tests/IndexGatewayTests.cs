using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CodeEnv.Gateway;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>
/// The index gateway as pip and the code in its sandbox meet it: real HTTP over its Unix socket, to real upstream
/// servers on loopback that record every request they get. The index needs credentials; another host stands for
/// anything the gateway must not fetch or send them to.
/// </summary>
public sealed class IndexGatewayTests : IDisposable
{
    private const string Credentials = "user:t0ken-4711";

    private readonly TempFolder work = new();
    private readonly Upstream index = new();
    private readonly Upstream elsewhere = new();
    private readonly IndexGateway gateway;
    private readonly HttpClient pip;

    public IndexGatewayTests()
    {
        index.Serve("/simple/alpha/", "text/html", $"""
            <html><base href="/simple/alpha/"><body>
            <a href="../../files/alpha-1.0-py3-none-any.whl#sha256=abc123" data-requires-python="&gt;=3.8" data-core-metadata="sha256=def">alpha-1.0</a>
            <a href='{elsewhere.Url}mirror/alpha-2.0.tar.gz#sha256=fff' data-yanked>alpha-2.0</a>
            <a href="/simple/alpha/alpha-0.9.tar.gz">alpha-0.9</a>
            <script>location = "{elsewhere.Url}steal"</script>
            </body></html>
            """);
        index.Serve("/files/alpha-1.0-py3-none-any.whl", "application/octet-stream", "wheel bytes");
        index.Serve("/files/alpha-1.0-py3-none-any.whl.metadata", "application/octet-stream", "Metadata-Version: 2.1");
        elsewhere.Serve("/mirror/alpha-2.0.tar.gz.metadata", "application/octet-stream", "Metadata-Version: 2.1");
        elsewhere.Serve("/mirror/alpha-2.0.tar.gz", "application/octet-stream", "sdist bytes");
        var routes = GatewayRoutes.From(new Dictionary<string, string?> { ["PIP_INDEX_URL"] = $"http://{Credentials}@127.0.0.1:{index.Port}/simple" })!;
        gateway = IndexGateway.Start(work.Path, routes);
        pip = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellation) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(gateway.SocketPath), cancellation);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        { BaseAddress = new Uri("http://127.0.0.1:3141") };
    }

    public void Dispose()
    {
        pip.Dispose();
        gateway.Dispose();
        index.Dispose();
        elsewhere.Dispose();
        work.Dispose();
    }

    [Fact]
    public async Task A_page_comes_back_with_every_link_on_the_gateway_and_the_attributes_pip_reads()
    {
        var page = await pip.GetStringAsync("/i/0/alpha/");

        var issued = GatewayRoutes.IdOf(new Uri($"http://127.0.0.1:{index.Port}/files/alpha-1.0-py3-none-any.whl"));
        Assert.Contains($"<a href=\"/u/{issued}/alpha-1.0-py3-none-any.whl#sha256=abc123\" data-requires-python=\"&gt;=3.8\" data-core-metadata=\"sha256=def\">", page);
        Assert.Contains("#sha256=fff\" data-yanked>", page);
        Assert.Contains("<a href=\"/i/0/alpha/alpha-0.9.tar.gz\">", page);
        Assert.DoesNotContain("127.0.0.1", page);
        Assert.DoesNotContain("steal", page);
        Assert.Equal(new[] { "GET /simple/alpha/ Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Credentials)) }, index.Requests);
    }

    [Fact]
    public async Task A_file_a_page_named_comes_through_with_the_credentials_of_its_host_alone()
    {
        var page = await pip.GetStringAsync("/i/0/alpha/");
        var links = System.Text.RegularExpressions.Regex.Matches(page, "href=\"([^\"#]+)").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal("wheel bytes", await pip.GetStringAsync(links[0]));
        Assert.Equal("sdist bytes", await pip.GetStringAsync(links[1]));
        Assert.Equal("GET /files/alpha-1.0-py3-none-any.whl Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Credentials)), index.Requests.Last());
        Assert.Equal(new[] { "GET /mirror/alpha-2.0.tar.gz " }, elsewhere.Requests);
    }

    [Fact]
    public async Task A_files_metadata_comes_from_beside_it_where_its_link_says_it_has_some()
    {
        var page = await pip.GetStringAsync("/i/0/alpha/");
        var links = System.Text.RegularExpressions.Regex.Matches(page, "href=\"([^\"#]+)").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal("Metadata-Version: 2.1", await pip.GetStringAsync(links[0] + ".metadata"));
        Assert.Equal(HttpStatusCode.NotFound, (await pip.GetAsync(links[1] + ".metadata")).StatusCode);
        Assert.Empty(elsewhere.Requests);
    }

    [Theory]
    [InlineData("a URL never on a page, by the id the gateway would give it", "/u/{elsewhere}/steal")]
    [InlineData("a path out of the index's folder", "/i/0/../files/alpha-1.0-py3-none-any.whl")]
    [InlineData("a path out of the index's folder, encoded", "/i/0/%2e%2e/files/alpha-1.0-py3-none-any.whl")]
    [InlineData("a source there is not", "/i/1/alpha/")]
    [InlineData("anything else", "/steal")]
    public async Task The_gateway_refuses_a_url_it_did_not_issue(string what, string path)
    {
        path = path.Replace("{elsewhere}", GatewayRoutes.IdOf(new Uri(elsewhere.Url + "steal")));

        var response = await pip.GetAsync(path);

        Assert.True(response.StatusCode == HttpStatusCode.NotFound, what);
        Assert.Empty(index.Requests);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task A_request_that_is_not_for_a_path_fetches_nothing()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(gateway.SocketPath));
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET {elsewhere.Url}steal HTTP/1.1\r\nHost: x\r\n\r\n"));

        var answer = await new StreamReader(new NetworkStream(socket)).ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 400 ", answer);
        Assert.Empty(elsewhere.Requests);
    }

    /// <summary>An HTTP server on loopback that answers from fixed routes (404 otherwise) and records each request with its Authorization.</summary>
    private sealed class Upstream : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly ConcurrentDictionary<string, (string Type, string Body)> routes = new();
        private readonly ConcurrentQueue<string> requests = new();

        public Upstream()
        {
            listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public string Url => $"http://127.0.0.1:{Port}/";

        public IReadOnlyList<string> Requests => requests.ToList();

        public void Serve(string path, string type, string body) => routes[path] = (type, body);

        public void Dispose() => listener.Stop();

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync();
                }
                catch (Exception)
                {
                    return;
                }

                using (client)
                {
                    var stream = client.GetStream();
                    var reader = new StreamReader(stream, Encoding.ASCII);
                    var line = await reader.ReadLineAsync() ?? "";
                    var auth = "";
                    string? header;
                    while (!string.IsNullOrEmpty(header = await reader.ReadLineAsync()))
                    {
                        if (header.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase))
                        {
                            auth = header["Authorization:".Length..].Trim();
                        }
                    }

                    var parts = line.Split(' ');
                    requests.Enqueue($"{parts[0]} {parts[1]} {auth}");
                    var answer = routes.TryGetValue(parts[1], out var route)
                        ? $"HTTP/1.1 200 OK\r\nContent-Type: {route.Type}\r\nContent-Length: {Encoding.UTF8.GetByteCount(route.Body)}\r\nConnection: close\r\n\r\n{route.Body}"
                        : "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(answer));
                }
            }
        }
    }
}
