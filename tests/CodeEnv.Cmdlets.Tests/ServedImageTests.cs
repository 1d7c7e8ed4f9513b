using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// A served root builds images as its service account, with that account's rootless engine, never as the caller; the
/// caller runs the pushed image with its own engine. Real OS users, a real service, podman and a loopback registry.
/// </summary>
public sealed class ServedImageTests : IClassFixture<ServedImageTests.Server>
{
    private const string Alice = "codeenv-alice";

    private readonly Server server;

    public ServedImageTests(Server server)
    {
        this.server = server;
    }

    [AsRootFact]
    public void The_service_builds_and_pushes_as_its_account_and_the_caller_runs_the_pushed_image()
    {
        var served = server.Served;
        var machine = ContainerMachine.Instance;
        var before = Path.Combine(served.Shared, "before-build");
        File.WriteAllText(before, "");
        var reference = served.Run(Alice, "(Update-CodeEnvImage shipped -Push).Reference").AssertSucceeded().Lines().Single();

        // The layers the build wrote belong to the service account, and none to the caller, wherever the engines keep them.
        Assert.NotEmpty(LayersWrittenSince(before, ServedRootHost.ServiceAccount));
        Assert.Empty(LayersWrittenSince(before, Alice));
        Assert.Equal("2.0", served.Run(Alice, "Invoke-CodeEnvPython shipped -Target served -c 'import alpha; print(alpha.__version__)'").AssertSucceeded().Lines().Last());
        var refused = served.Run(Alice, "try { Update-CodeEnvImage shipped -Network host -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }").AssertSucceeded().Lines().Single();
        Assert.StartsWith("AdministratorRequired", refused);
    }

    private static string LayersWrittenSince(string marker, string user) =>
        ChildProcess.Run("find", "/tmp", "/home", "-xdev", "-user", user, "-type", "d", "-name", "diff", "-path", "*overlay*", "-newer", marker).Output.Trim();

    public sealed class Server : ServedRootFixture
    {
        private static readonly ContainerMachine Machine;

        // A static constructor runs before the base constructor starts the service, so the service's shell gets a
        // container environment (a field initializer alone may run later).
        static Server()
        {
            Machine = ContainerMachine.Instance;
        }

        public Server()
            : base((Alice, Creators))
        {
        }

        protected override void Arrange(ServedRootHost root)
        {
            ShellProcess.Run(new[] { "-Command", $"New-CodeEnvContainerConfig served -BaseImage {Machine.RegistryBaseImage} -Registry {Machine.Registry}/served -Root '{root.Root}' | Out-Null" }).AssertSucceeded();
            root.Run(Alice, $"New-CodeEnv shipped -Interpreter {ServedRootHost.Python} -Requirement alpha -ContainerSelection Selected -ContainerConfig served | Out-Null").AssertSucceeded();
        }
    }
}
