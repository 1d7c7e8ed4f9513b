using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CodeEnv.Core.Tests;

/// <summary>
/// A real simple index on loopback (HttpListener) serving a folder as laid out: a request for a folder gets its
/// index.json (as PEP 691 JSON, to a client that asks for it) or its index.html, any other path the file.
/// </summary>
internal sealed class LoopbackIndex : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly string folder;

    public LoopbackIndex(string folder)
    {
        this.folder = folder;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string SimpleUrl => $"http://127.0.0.1:{Port}/simple";

    public string FilesUrl => $"http://127.0.0.1:{Port}/files/";

    public void Dispose() => listener.Close();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }

            using var response = context.Response;
            var path = Path.Combine(folder, Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/'));
            var wantsJson = (context.Request.Headers["Accept"] ?? "").Contains("application/vnd.pypi.simple.v1+json");
            if (Directory.Exists(path))
            {
                var json = Path.Combine(path, "index.json");
                (path, response.ContentType) = wantsJson && File.Exists(json)
                    ? (json, "application/vnd.pypi.simple.v1+json")
                    : (Path.Combine(path, "index.html"), "text/html; charset=utf-8");
            }
            else
            {
                response.ContentType = "application/octet-stream";
            }

            if (!File.Exists(path))
            {
                response.StatusCode = 404;
                continue;
            }

            // Streamed, so a test can serve a wheel of hundreds of MB without holding it.
            using var body = File.OpenRead(path);
            response.ContentLength64 = body.Length;
            try
            {
                await body.CopyToAsync(response.OutputStream);
            }
            catch (HttpListenerException)
            {
                // The client went away mid-body (a refused or cancelled download).
            }
        }
    }

    /// <summary>Lays out /simple/&lt;project&gt;/index.html for <paramref name="links"/> (anchor attributes after each file name) and copies the files to /files/, each with its metadata file beside it (PEP 658).</summary>
    public static void WriteHtmlProject(string root, string project, IEnumerable<(string File, string Attributes)> links)
    {
        var files = Directory.CreateDirectory(Path.Combine(root, "files")).FullName;
        var page = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
        foreach (var (file, attributes) in links)
        {
            var name = Path.GetFileName(file);
            File.Copy(file, Path.Combine(files, name), overwrite: true);
            var metadata = Path.Combine(files, name + ".metadata");
            File.WriteAllText(metadata, ResolutionWheels.MetadataOf(file));
            page.Append($"<a href=\"../../files/{name}#sha256={ResolutionWheels.Sha256Of(file)}\" data-dist-info-metadata=\"sha256={ResolutionWheels.Sha256Of(metadata)}\" {attributes}>{name}</a><br>\n");
        }

        var projectFolder = Directory.CreateDirectory(Path.Combine(root, "simple", project)).FullName;
        File.WriteAllText(Path.Combine(projectFolder, "index.html"), page.Append("</body></html>\n").ToString());
    }
}
