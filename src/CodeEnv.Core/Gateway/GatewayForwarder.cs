using System.Collections.Generic;
using System.Linq;

namespace CodeEnv.Gateway
{
    /// <summary>
    /// What runs first in a sandbox that has no network but the index gateway: a small standard-library Python program
    /// (run isolated: -I -S -E, no site, no .pth file, no PYTHON* variable) that listens on 127.0.0.1 in the sandbox's own
    /// network namespace, passes each connection to the gateway's Unix socket, puts its address into pip's source
    /// variables in place of <see cref="GatewayRoutes.Placeholder"/>, runs the real command as its child and ends with
    /// its exit code, passing SIGTERM and SIGINT on. It holds no secret: the gateway, outside the sandbox, does.
    /// </summary>
    internal static class GatewayForwarder
    {
        /// <summary>
        /// The port it listens on when it can (the sandbox's network namespace is new, so it can): the same gateway URLs in
        /// every run, so pip's HTTP cache and its cache of wheels built from sdists (keyed by URL) keep working.
        /// </summary>
        public const int Port = 3141;

        // argv: socket, variables (comma-separated), command...
        private static readonly string Script = @"import os, signal, socket, subprocess, sys, threading
path, names, command = sys.argv[1], sys.argv[2], sys.argv[3:]
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    listener.bind(('127.0.0.1', " + Port.ToString(System.Globalization.CultureInfo.InvariantCulture) + @"))
except OSError:
    listener.bind(('127.0.0.1', 0))
listener.listen(64)
address = '127.0.0.1:%d' % listener.getsockname()[1]
def pump(source, target):
    try:
        while True:
            data = source.recv(65536)
            if not data:
                break
            target.sendall(data)
    except OSError:
        pass
    try:
        target.shutdown(socket.SHUT_WR)
    except OSError:
        pass
def forward(client):
    client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    gateway = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        gateway.connect(path)
    except OSError:
        client.close()
        gateway.close()
        return
    back = threading.Thread(target=pump, args=(gateway, client), daemon=True)
    back.start()
    pump(client, gateway)
    back.join()
    client.close()
    gateway.close()
def accept():
    while True:
        try:
            client, _ = listener.accept()
        except OSError:
            return
        threading.Thread(target=forward, args=(client,), daemon=True).start()
threading.Thread(target=accept, daemon=True).start()
environment = dict(os.environ)
for name in filter(None, names.split(',')):
    if name in environment:
        environment[name] = environment[name].replace('" + GatewayRoutes.Placeholder + @"', address)
child = subprocess.Popen(command, env=environment)
def stop(signum, frame):
    try:
        child.send_signal(signum)
    except OSError:
        pass
signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, stop)
code = child.wait()
sys.stdout.flush()
os._exit(code if code >= 0 else 128 - code)
";

        /// <summary>The command that runs <paramref name="executable"/> with <paramref name="arguments"/> behind the forwarder, started by <paramref name="python"/>.</summary>
        public static IReadOnlyList<string> Command(string python, string socketPath, IEnumerable<string> variables, string executable, IEnumerable<string> arguments) =>
            new[] { python, "-I", "-S", "-E", "-c", Script, socketPath, string.Join(",", variables), executable }
                .Concat(arguments)
                .ToList();
    }
}
