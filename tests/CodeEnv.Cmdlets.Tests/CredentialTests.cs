using System.Diagnostics;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// A package index that needs credentials, served for real on loopback: pip must get them, and nothing a user can
/// read may show them (settings, history, logs, objects, build contexts, pip's command line).
/// </summary>
public sealed class CredentialTests : IDisposable
{
    private const string Secret = "s3cret-token-4711";

    // A PEP 503 index of one folder that answers 401 without the right Basic credentials and records what it got.
    private const string IndexServer = """
        import base64, http.server, os, sys
        folder, port_file, seen_file, expected = sys.argv[1:5]
        class Index(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args): pass
            def do_GET(self):
                auth = self.headers.get('Authorization', '')
                with open(seen_file, 'a') as seen: seen.write(auth + '\n')
                if auth != 'Basic ' + base64.b64encode(expected.encode()).decode():
                    self.send_response(401); self.send_header('WWW-Authenticate', 'Basic realm="index"'); self.end_headers(); return
                parts = [p for p in self.path.split('/') if p]
                if len(parts) == 2 and parts[0] == 'simple':
                    links = ''.join('<a href="/files/%s">%s</a>' % (f, f) for f in os.listdir(folder) if f.startswith(parts[1] + '-'))
                    body = ('<html><body>%s</body></html>' % links).encode()
                    self.send_response(200); self.send_header('Content-Type', 'text/html'); self.end_headers(); self.wfile.write(body)
                elif len(parts) == 2 and parts[0] == 'files':
                    data = open(os.path.join(folder, parts[1]), 'rb').read()
                    self.send_response(200); self.send_header('Content-Type', 'application/octet-stream'); self.end_headers(); self.wfile.write(data)
                else:
                    self.send_response(404); self.end_headers()
        server = http.server.HTTPServer(('127.0.0.1', 0), Index)
        open(port_file, 'w').write(str(server.server_address[1]))
        server.serve_forever()
        """;

    private readonly PowerShellSession ps = new();
    private readonly Process server;
    private readonly string seen;
    private readonly int port;

    public CredentialTests()
    {
        var folder = ps.Scratch("index");
        WheelBuilder.Write(folder, "alpha", "1.0");
        var portFile = ps.Scratch("port");
        seen = ps.Scratch("seen");
        var script = ps.Scratch("index.py");
        File.WriteAllText(script, IndexServer);
        server = Process.Start(new ProcessStartInfo(Interpreters312, new[] { script, folder, portFile, seen, "user:" + Secret }))!;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!File.Exists(portFile) || File.ReadAllText(portFile).Length == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the test index server did not start");
            Thread.Sleep(50);
        }

        port = int.Parse(File.ReadAllText(portFile));
        ps.Run("Set-CodeEnvRoot -IndexUrl $args[0] -TrustedHost 127.0.0.1; New-CodeEnvContainerConfig slim -BaseImage python:3.12-slim -PythonPath /usr/local/bin/python3", $"http://user:{Secret}@127.0.0.1:{port}/simple").AssertSuccess();
    }

    private static string Interpreters312 => Directory.GetDirectories("/root/.pyenv/versions", "3.12.*").Select(d => Path.Combine(d, "bin", "python3")).First(File.Exists);

    public void Dispose()
    {
        server.Kill();
        server.Dispose();
        ps.Dispose();
    }

    [Fact]
    public void Pip_gets_the_credentials_and_installs_from_the_index_that_needs_them()
    {
        var env = ps.Run("New-CodeEnv e -PythonVersion 3.12 -Requirement 'alpha==1.0'").Single("CodeEnv.EnvironmentInfo");
        Assert.Equal("Ready", env.Get<string>("State"));
        Assert.Contains("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("user:" + Secret)), File.ReadAllLines(seen));
    }

    [Fact]
    public void No_file_of_the_root_but_the_owner_only_secrets_file_holds_the_credentials()
    {
        ps.Run("New-CodeEnv e -PythonVersion 3.12 -Requirement 'alpha==1.0' -ContainerSelection All").AssertSuccess();

        // Links are not followed: the root's seed cache is a link to the run's shared seeds, which other tests build in.
        var holding = Directory.EnumerateFiles(ps.RootPath, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(f => !f.Contains("/venv/") && !f.Contains("/cache/") && File.ReadAllText(f).Contains(Secret))
            .Select(f => Path.GetRelativePath(ps.RootPath, f))
            .ToList();
        Assert.Equal(new[] { "state/secrets.json" }, holding);
        Assert.Equal("600", ChildProcess.Run("stat", "-c", "%a", Path.Combine(ps.RootPath, "state", "secrets.json")).Output.Trim());
        Assert.Contains(Directory.GetFiles(Path.Combine(ps.RootPath, "envs", "e", "logs"), "*.log"), log => File.ReadAllText(log).Contains($"PIP_INDEX_URL=http://user:***@127.0.0.1:{port}/simple"));
    }

    [Fact]
    public void Objects_and_history_show_the_url_redacted()
    {
        var shown = ps.Run("(Get-CodeEnvRoot).IndexUrl; Get-CodeEnvHistory | ForEach-Object { $_.Changes }").AssertSuccess().Output.Select(o => o.ToString()).ToList();
        Assert.Equal($"http://user:***@127.0.0.1:{port}/simple", shown[0]);
        Assert.DoesNotContain(shown, s => s.Contains(Secret));
    }

    [Fact]
    public void An_image_built_from_the_index_that_needs_credentials_holds_them_in_no_layer_and_no_history()
    {
        var machine = ContainerMachine.Instance;
        // A root in /tmp: the test's own temp folder may be in /dev/shm, which every engine mounts anew in a container.
        var root = Path.Combine("/tmp", "codeenv-credentials-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            ps.Run("Initialize-CodeEnvRoot -Path $args[0] | Out-Null; $PSDefaultParameterValues['*-CodeEnv*:Root'] = $args[0]; Set-CodeEnvRoot -IndexUrl $args[1] -TrustedHost 127.0.0.1", root, $"http://user:{Secret}@127.0.0.1:{port}/simple").AssertSuccess();
            SharedSeeds.Share(root);
            ps.Run("New-CodeEnv e -PythonVersion 3.11 -Requirement 'alpha==1.0'").AssertSuccess();
            // The store no longer holds alpha's wheel, so the image's pip fetches it from the index, through the build secret.
            foreach (var artifact in Directory.GetDirectories(Path.Combine(root, "store", "artifacts")))
            {
                Directory.Delete(artifact, recursive: true);
            }

            File.WriteAllText(seen, "");
            ps.Run("New-CodeEnvContainerConfig bookworm -BaseImage $args[0]; Set-CodeEnv e -ContainerSelection Selected -ContainerConfig bookworm", ContainerMachine.BaseImage).AssertSuccess();
            ps.Run("Update-CodeEnvImage e").AssertError("ContainerBuildFailed", System.Management.Automation.ErrorCategory.InvalidOperation);

            // The index is on this machine's loopback, which the build reaches on the host's network.
            var image = ps.Run("Update-CodeEnvImage e -Network host").Single("CodeEnv.ContainerImage").Get<string>("Reference");

            Assert.Contains("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("user:" + Secret)), File.ReadAllLines(seen));
            Assert.Equal("1.0", machine.Podman("run", "--rm", "--network", "none", image, "python", "-c", "import alpha; print(alpha.__version__)").Trim());
            Assert.DoesNotContain(Secret, machine.Podman("history", "--no-trunc", image) + machine.Podman("image", "inspect", image));
            var saved = ps.Scratch("image.tar");
            machine.Podman("save", "--format", "docker-archive", "--output", saved, image);
            Assert.DoesNotContain(Secret, System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(saved)));
        }
        finally
        {
            ChildProcess.Run("rm", "-rf", root);
        }
    }

    [Fact]
    public void A_build_context_needs_no_source_while_the_store_holds_every_archive()
    {
        ps.Run("New-CodeEnv stored -PythonVersion 3.12 -Requirement 'alpha==1.0' -ContainerSelection All").AssertSuccess();
        var context = ps.Scratch("stored-context");

        ps.Run("Export-CodeEnvContainerFile stored -ConfigName slim -Path $args[0]", context).AssertSuccess();

        var dockerfile = File.ReadAllText(Path.Combine(context, "Dockerfile"));
        Assert.DoesNotContain("secret", dockerfile);
        Assert.DoesNotContain("--index-url", dockerfile);
        Assert.Contains("--require-hashes --find-links /tmp/codeenv-context/wheels --no-index", dockerfile);
    }

    [Fact]
    public void A_build_context_takes_the_credentials_as_a_build_secret_and_holds_none()
    {
        ps.Run("New-CodeEnv e -PythonVersion 3.12 -Requirement 'alpha==1.0' -ContainerSelection All").AssertSuccess();
        // The store no longer holds alpha's wheel, so the image's pip must fetch it from the index that needs credentials.
        foreach (var artifact in Directory.GetDirectories(Path.Combine(ps.RootPath, "store", "artifacts")))
        {
            Directory.Delete(artifact, recursive: true);
        }

        var context = ps.Scratch("context");

        ps.Run("Export-CodeEnvContainerFile e -ConfigName slim -Path $args[0]", context).AssertSuccess();

        var dockerfile = File.ReadAllText(Path.Combine(context, "Dockerfile"));
        var readme = File.ReadAllText(Path.Combine(context, "README.md"));
        Assert.DoesNotContain(Secret, dockerfile + readme);
        Assert.Contains("--mount=type=secret,id=codeenv_source_1", dockerfile);
        Assert.Contains("--index-url \"$(cat /run/secrets/codeenv_source_1)\"", dockerfile);
        Assert.Contains("--secret id=codeenv_source_1,src=./codeenv_source_1.txt", readme);
    }
}
