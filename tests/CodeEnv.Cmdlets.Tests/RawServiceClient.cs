using System.Diagnostics;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// A client of the service's socket that is not CodeEnv: a python script run as an OS user, speaking (or not) the
/// service's framing byte by byte, as an attacker would. Debian's python, which every account can run.
/// </summary>
public static class RawServiceClient
{
    /// <summary>Sends one JSON-RPC message of <c>argv[2]</c> bytes (the old Publish of a huge archive) and says how much of it the service took.</summary>
    public const string OversizedMessage = """
        import socket, sys
        path, size = sys.argv[1], int(sys.argv[2])
        s = socket.socket(socket.AF_UNIX); s.connect(path)
        prefix = b'{"jsonrpc":"2.0","id":1,"method":"PublishAsync","params":["big-1.0-py3-none-any.whl","'
        suffix = b'",false]}'
        pad = size - len(prefix) - len(suffix); pad -= pad % 4
        size = len(prefix) + pad + len(suffix)
        sent = 0
        try:
            s.sendall(b"Content-Length: %d\r\n\r\n" % size + prefix)
            chunk = b"A" * (1 << 20)
            while sent < pad:
                n = min(len(chunk), pad - sent); s.sendall(chunk[:n]); sent += n
            s.sendall(suffix)
            print("sent all %d bytes" % size, flush=True)
        except OSError as e:
            print("cut off after %d of %d bytes" % (sent, size), flush=True)
        """;

    /// <summary>
    /// Opens <c>argv[2]</c> connections, each sending a header that never ends, and holds them until a line arrives on
    /// standard input; then says how many the service closed, and how many it refused with a reason.
    /// </summary>
    public const string ConnectionFlood = """
        import socket, sys, resource
        path, count = sys.argv[1], int(sys.argv[2])
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        socks, failed = [], 0
        for i in range(count):
            s = socket.socket(socket.AF_UNIX)
            try:
                s.connect(path); s.sendall(b"Content-Length: 1"); socks.append(s)
            except OSError:
                failed += 1; s.close()
        print("opened %d failed %d" % (len(socks), failed), flush=True)
        sys.stdin.readline()
        closed, refused = 0, 0
        for s in socks:
            s.setblocking(False); data = b""
            try:
                while True:
                    d = s.recv(65536)
                    if not d:
                        closed += 1; break
                    data += d
            except BlockingIOError:
                pass
            except OSError:
                closed += 1
            if b"TooManyConnections" in data:
                refused += 1
        print("closed %d refused %d of %d" % (closed, refused, len(socks)), flush=True)
        """;

    /// <summary>Sends a header that never ends and says how long the service kept the connection (at most <c>argv[2]</c> seconds).</summary>
    public const string UnfinishedHeader = """
        import socket, sys, time
        path, deadline = sys.argv[1], float(sys.argv[2])
        s = socket.socket(socket.AF_UNIX); s.connect(path)
        start = time.monotonic()
        s.sendall(b"Content-Length: 10\r\n")
        s.settimeout(deadline)
        try:
            while s.recv(65536):
                pass
            print("closed after %.1f s" % (time.monotonic() - start), flush=True)
        except socket.timeout:
            print("still open after %.1f s" % (time.monotonic() - start), flush=True)
        """;

    /// <summary>
    /// Opens <c>argv[2]</c> connections the way a client does (reading the greeting), keeps them busy with a valid
    /// notification twice a second so none is idle, and holds them until a line arrives on standard input.
    /// </summary>
    public const string HeldConnections = """
        import socket, sys, select
        path, count = sys.argv[1], int(sys.argv[2])
        socks, greetings = [], []
        for i in range(count):
            s = socket.socket(socket.AF_UNIX); s.connect(path); s.settimeout(10)
            data = b""
            while b"}}" not in data:
                data += s.recv(4096)
            greetings.append(b"codeenv/welcome" in data); socks.append(s)
        print("held %d welcomed %d" % (len(socks), sum(greetings)), flush=True)
        body = b'{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":424242}}'
        keep = b"Content-Length: %d\r\n\r\n" % len(body) + body
        while not select.select([sys.stdin], [], [], 0.5)[0]:
            for s in socks:
                s.sendall(keep)
        """;

    /// <summary>Runs a script as <paramref name="user"/> to its end.</summary>
    public static string Run(string user, string script, params string[] arguments)
    {
        using var process = Start(user, script, arguments);
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "the raw client did not finish: " + output);
        return output.Trim() + process.StandardError.ReadToEnd();
    }

    /// <summary>Starts a script as <paramref name="user"/>; a line on its standard input tells a holding script to finish.</summary>
    public static Process Start(string user, string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("runuser") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = "/tmp" };
        foreach (var argument in new[] { "-u", user, "--", ServedRootHost.Python, "-c", script }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    /// <summary>The first line a started script prints.</summary>
    public static string FirstLine(Process process)
    {
        var line = process.StandardOutput.ReadLineAsync();
        Assert.True(line.Wait(TimeSpan.FromMinutes(2)), "the raw client said nothing");
        return line.Result ?? ("(no output) " + process.StandardError.ReadToEnd());
    }

    /// <summary>Tells a holding script to finish and gives back its last line.</summary>
    public static string Finish(Process process)
    {
        process.StandardInput.WriteLine("done");
        process.StandardInput.Close();
        var rest = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the raw client did not finish");
        return rest.Trim();
    }
}
