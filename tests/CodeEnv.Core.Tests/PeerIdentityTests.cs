using System.Diagnostics;
using System.Net.Sockets;
using CodeEnv.Security;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>
/// The service's caller is who the kernel says is on the other end of the local socket (SO_PEERCRED), with the groups
/// of the OS group database. Proven with a real second OS user in a separate process (runuser) connecting to a real
/// Unix domain socket; the client's own claims are sent and ignored.
/// </summary>
[Trait(TestLayers.Category, TestLayers.Process)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class PeerIdentityTests
{
    private const string Peer = "codeenv-peer";
    private const string PeerGroup = "codeenv-peers";

    private static (CallerIdentity Identity, PeerCredentials Credentials) ConnectAs(string user, string claim)
    {
        // Short and world-reachable: a socket path has a 108-byte limit, and the peer is another OS user.
        var folder = Path.Combine("/tmp", "codeenv-peer-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0x1FF);
        var path = Path.Combine(folder, "s");
        try
        {
            using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            File.SetUnixFileMode(path, (UnixFileMode)0x1B6);
            listener.Listen(1);
            var client = new ProcessStartInfo("runuser", new[]
            {
                "-u", user, "--", "/usr/bin/python3", "-c",
                "import socket, sys; s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.sendall(sys.argv[2].encode()); s.recv(1)",
                path, claim,
            });
            using var process = Process.Start(client)!;
            using var connection = listener.Accept();
            var credentials = PeerCredentials.Of(connection.Handle);
            var identity = new PeerIdentityProvider(credentials).Current();
            connection.Send(new byte[] { 1 });
            Assert.True(process.WaitForExit(30_000), "the client did not finish");
            return (identity, credentials);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [AsRootFact]
    public void The_caller_is_the_OS_user_on_the_other_end_of_the_socket_with_its_groups()
    {
        OsAccounts.EnsureUser(Peer, PeerGroup);

        var (identity, credentials) = ConnectAs(Peer, "I am root");

        Assert.Equal(Peer, identity.UserName);
        Assert.Contains(PeerGroup, identity.Groups);
        Assert.Equal(ChildProcess.Run("id", "-u", Peer).Output.Trim(), credentials.UserId.ToString());
        // The groups are the OS group database's, exactly as `id -Gn` reports them for that user.
        Assert.Equal(ChildProcess.Run("id", "-Gn", Peer).Output.Trim().Split(' ').OrderBy(g => g), identity.Groups.OrderBy(g => g));
    }

    [AsRootFact]
    public void A_group_added_to_the_user_counts_from_the_next_connection()
    {
        OsAccounts.EnsureUser(Peer, PeerGroup);
        const string later = "codeenv-peers-late";
        if (ChildProcess.Run("getent", "group", later).ExitCode != 0)
        {
            Assert.Equal(0, ChildProcess.Run("groupadd", later).ExitCode);
        }

        Assert.Equal(0, ChildProcess.Run("gpasswd", "-a", Peer, later).ExitCode);
        try
        {
            Assert.Contains(later, ConnectAs(Peer, "").Identity.Groups);
        }
        finally
        {
            ChildProcess.Run("gpasswd", "-d", Peer, later);
        }
    }
}
