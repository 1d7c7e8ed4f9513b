using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Advisories
{
    /// <summary>
    /// OSV's query API (https://google.github.io/osv.dev/api/): <c>POST /v1/querybatch</c> for which advisories name each
    /// package version (its answers hold only ids and modified times, and a <c>next_page_token</c> where a query has more),
    /// then <c>GET /v1/vulns/{id}</c> once per advisory for the whole of it. Bounded as the resolver's fetcher is: at most
    /// 1000 queries a batch (the API's own limit), a capped body, a minute per request, a capped number of pages.
    /// </summary>
    public sealed class OsvApiClient : IDisposable
    {
        public const string DefaultUrl = RootSettingsDocument.DefaultAdvisoryApiUrl;

        public const int MaxQueriesPerBatch = 1000;

        private const int MaxBodyBytes = 32 * 1024 * 1024;

        private const int MaxPages = 50;

        private readonly HttpClient client;
        private readonly Uri baseUrl;
        private readonly Dictionary<string, OsvAdvisory?> advisories = new Dictionary<string, OsvAdvisory?>(StringComparer.Ordinal);

        public OsvApiClient(string baseUrl, TimeSpan? timeout = null)
        {
            this.baseUrl = new Uri(baseUrl.TrimEnd('/') + "/");
            client = new HttpClient(new HttpClientHandler { UseCookies = false }) { Timeout = timeout ?? TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.UserAgent.ParseAdd("CodeEnv-audit/1.0");
        }

        public void Dispose() => client.Dispose();

        /// <summary>The ids of the advisories OSV says affect each PyPI package version, by the package's index in <paramref name="packages"/>.</summary>
        public async Task<IReadOnlyList<IReadOnlyList<string>>> QueryAsync(IReadOnlyList<(string Name, string Version)> packages, CancellationToken cancellation)
        {
            var ids = packages.Select(_ => new List<string>()).ToList();
            // Each pending query: its package's index and the page it asks for (null: the first).
            var pending = packages.Select((_, i) => (Index: i, Token: (string?)null)).ToList();
            for (var round = 0; pending.Count > 0; round++)
            {
                if (round > MaxPages)
                {
                    throw Failed($"it kept answering with more pages after {MaxPages}");
                }

                var next = new List<(int Index, string? Token)>();
                foreach (var batch in pending.Select((p, i) => (p, i)).GroupBy(x => x.i / MaxQueriesPerBatch, x => x.p))
                {
                    var queries = batch.ToList();
                    var body = new JObject
                    {
                        ["queries"] = new JArray(queries.Select(q =>
                        {
                            var query = new JObject
                            {
                                ["package"] = new JObject { ["ecosystem"] = "PyPI", ["name"] = packages[q.Index].Name },
                                ["version"] = packages[q.Index].Version,
                            };
                            if (q.Token != null)
                            {
                                query["page_token"] = q.Token;
                            }

                            return query;
                        })),
                    };
                    var answer = await SendAsync(HttpMethod.Post, "v1/querybatch", body.ToString(Formatting.None), cancellation).ConfigureAwait(false);
                    var results = (answer as JObject)?["results"] as JArray;
                    if (results == null || results.Count != queries.Count)
                    {
                        throw Failed($"its querybatch answer held {results?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} results for {queries.Count} queries");
                    }

                    for (var i = 0; i < queries.Count; i++)
                    {
                        var result = results[i] as JObject;
                        foreach (var vuln in (result?["vulns"] as JArray ?? new JArray()).OfType<JObject>())
                        {
                            if (vuln["id"] is JValue id && id.Type == JTokenType.String && !ids[queries[i].Index].Contains((string)id!))
                            {
                                ids[queries[i].Index].Add((string)id!);
                            }
                        }

                        if (result?["next_page_token"] is JValue token && token.Type == JTokenType.String && ((string)token!).Length > 0)
                        {
                            next.Add((queries[i].Index, (string)token!));
                        }
                    }
                }

                pending = next;
            }

            return ids;
        }

        /// <summary>The whole advisory <paramref name="id"/> (GET /v1/vulns/{id}), read once per client; null when OSV no longer has it.</summary>
        public async Task<OsvAdvisory?> AdvisoryAsync(string id, CancellationToken cancellation)
        {
            if (advisories.TryGetValue(id, out var known))
            {
                return known;
            }

            var answer = await SendAsync(HttpMethod.Get, "v1/vulns/" + Uri.EscapeDataString(id), null, cancellation).ConfigureAwait(false);
            var advisory = answer == null ? null : OsvAdvisory.TryRead(answer, out var problem) ?? throw Failed($"its answer for {id} is {problem}");
            advisories[id] = advisory;
            return advisory;
        }

        private async Task<JToken?> SendAsync(HttpMethod method, string path, string? json, CancellationToken cancellation)
        {
            var url = new Uri(baseUrl, path);
            using (var request = new HttpRequestMessage(method, url))
            {
                if (json != null)
                {
                    request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                }

                try
                {
                    using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false))
                    {
                        if (method == HttpMethod.Get && response.StatusCode == System.Net.HttpStatusCode.NotFound)
                        {
                            return null;
                        }

                        if (!response.IsSuccessStatusCode)
                        {
                            throw Failed($"{url.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {response.ReasonPhrase}");
                        }

                        if (response.Content.Headers.ContentLength > MaxBodyBytes)
                        {
                            throw Failed($"its answer is larger than {MaxBodyBytes / 1024 / 1024} MiB");
                        }

                        using (var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                        using (var memory = new MemoryStream())
                        {
                            var buffer = new byte[81920];
                            int read;
                            while ((read = await stream.ReadAsync(buffer, 0, buffer.Length, cancellation).ConfigureAwait(false)) > 0)
                            {
                                if (memory.Length + read > MaxBodyBytes)
                                {
                                    throw Failed($"its answer is larger than {MaxBodyBytes / 1024 / 1024} MiB");
                                }

                                memory.Write(buffer, 0, read);
                            }

                            using (var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(memory.ToArray()))) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 })
                            {
                                return JToken.ReadFrom(reader);
                            }
                        }
                    }
                }
                catch (HttpRequestException e)
                {
                    throw Failed($"{url.GetLeftPart(UriPartial.Authority)} could not be reached ({e.Message})");
                }
                catch (JsonException e)
                {
                    throw Failed("its answer is not JSON (" + e.Message + ")");
                }
                catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    throw Failed($"{url.GetLeftPart(UriPartial.Path)} did not answer in time");
                }
            }
        }

        private CodeEnvException Failed(string why) =>
            new CodeEnvException(ErrorIds.AdvisoryApiFailed, $"OSV's API at {baseUrl} could not be asked: {why}. Audit from the offline database instead (-Source Offline, after Import-CodeEnvAdvisoryDatabase), or set the API's address with Set-CodeEnvRoot -AdvisoryApiUrl.", baseUrl.ToString());
    }
}
