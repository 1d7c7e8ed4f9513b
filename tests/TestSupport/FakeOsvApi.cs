using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace CodeEnv.TestSupport;

/// <summary>
/// OSV's query API on loopback, in its real shapes (https://google.github.io/osv.dev/api/): POST /v1/querybatch answers
/// each query with the ids and modified times of the advisories that name its PyPI package (at most
/// <see cref="PageSize"/> a page, then a next_page_token the next request sends back as page_token), and GET
/// /v1/vulns/{id} answers the whole advisory or 404. Like the real API it filters by name here; the version is
/// CodeEnv's to evaluate.
/// </summary>
public sealed class FakeOsvApi : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Dictionary<string, JsonObject> advisories;
    private readonly Task serving;

    public FakeOsvApi(params string[] advisories)
    {
        this.advisories = advisories.Select(a => JsonNode.Parse(a)!.AsObject()).ToDictionary(a => a["id"]!.GetValue<string>());
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(Url + "/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public int PageSize { get; set; } = 1000;

    /// <summary>Every request as "METHOD /path", and each querybatch's body.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public ConcurrentQueue<JsonObject> Batches { get; } = new();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                Answer(context);
            }
            catch (Exception e)
            {
                Write(context.Response, 500, new JsonObject { ["code"] = 13, ["message"] = e.Message });
            }
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        Requests.Enqueue(context.Request.HttpMethod + " " + path);
        if (context.Request.HttpMethod == "POST" && path == "/v1/querybatch")
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonNode.Parse(reader.ReadToEnd())!.AsObject();
            Batches.Enqueue(body);
            var results = new JsonArray();
            foreach (var query in body["queries"]!.AsArray().Select(q => q!.AsObject()))
            {
                var name = Normalize(query["package"]!["name"]!.GetValue<string>());
                var start = query["page_token"] is JsonNode token ? int.Parse(token.GetValue<string>().Split(':')[1]) : 0;
                var all = advisories.Values.Where(a => a["affected"]!.AsArray().Any(x => x!["package"]!["ecosystem"]!.GetValue<string>() == "PyPI" && Normalize(x["package"]!["name"]!.GetValue<string>()) == name)).ToList();
                var page = all.Skip(start).Take(PageSize).ToList();
                var result = new JsonObject();
                if (page.Count > 0)
                {
                    result["vulns"] = new JsonArray(page.Select(a => (JsonNode)new JsonObject { ["id"] = a["id"]!.GetValue<string>(), ["modified"] = a["modified"]!.GetValue<string>() }).ToArray());
                }

                if (start + PageSize < all.Count)
                {
                    result["next_page_token"] = "offset:" + (start + PageSize);
                }

                results.Add(result);
            }

            Write(context.Response, 200, new JsonObject { ["results"] = results });
        }
        else if (context.Request.HttpMethod == "GET" && path.StartsWith("/v1/vulns/", StringComparison.Ordinal))
        {
            var id = Uri.UnescapeDataString(path.Substring("/v1/vulns/".Length));
            if (advisories.TryGetValue(id, out var advisory))
            {
                Write(context.Response, 200, advisory);
            }
            else
            {
                Write(context.Response, 404, new JsonObject { ["code"] = 5, ["message"] = "Bug not found." });
            }
        }
        else
        {
            Write(context.Response, 404, new JsonObject { ["code"] = 5, ["message"] = "Not Found" });
        }
    }

    private static string Normalize(string name) => System.Text.RegularExpressions.Regex.Replace(name, "[-_.]+", "-").ToLowerInvariant();

    private static void Write(HttpListenerResponse response, int status, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes, 0, bytes.Length);
        response.Close();
    }

    public void Dispose()
    {
        try
        {
            listener.Close();
        }
        catch (HttpListenerException)
        {
            // .NET's managed listener throws when it closes a connection its peer (the service, killed with its root
            // before this fixture ends) already reset: the listener is closed all the same.
        }

        serving.Wait(TimeSpan.FromSeconds(5));
    }
}
