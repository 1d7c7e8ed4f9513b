using CodeEnv.Errors;
using CodeEnv.Operations;

namespace CodeEnv.Core.Tests;

/// <summary>What a failed image build tells the admin: the cause in podman's output, with the fix where CodeEnv knows it.</summary>
public class ImageBuildFailureTests
{
    // podman's own lines when an account without subordinate ids (useradd --system gives none) builds rootless: seen
    // when the served image build ran as a service account made that way.
    private static readonly string[] RootlessWithoutSubordinateIds =
    {
        "time=\"2026-12-08T02:39:07Z\" level=warning msg=\"\\\"/\\\" is not a shared mount, this could cause issues or missing mounts with rootless containers\"",
        "time=\"2026-12-08T02:39:07Z\" level=error msg=\"cannot find UID/GID for user codeenv-svc: no subuid ranges found for user \\\"codeenv-svc\\\" in /etc/subuid - check rootless mode in man pages.\"",
        "STEP 1/10: FROM 127.0.0.1:37649/codeenv-test-python:3.11",
        "Error: creating build container: writing blob: adding layer with blob \"sha256:d9a9\": processing tar file(potentially insufficient UIDs or GIDs available in user namespace (requested 0:42 for /etc/gshadow): Check /etc/subuid and /etc/subgid if configured locally and run podman-system-migrate: lchown /etc/gshadow: invalid argument): exit status 1",
    };

    [Fact]
    public void A_rootless_build_without_subordinate_ids_says_how_to_give_the_account_a_range()
    {
        var error = ImageBuilds.BuildFailure("shipped", "served", "podman", 1, RootlessWithoutSubordinateIds);

        Assert.Equal(nameof(ErrorIds.ContainerBuildFailed), error.ErrorId);
        Assert.Contains($"runs rootless as '{Environment.UserName}'", error.Message);
        Assert.Contains("/etc/subuid", error.Message);
        Assert.Contains($"usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {Environment.UserName}", error.Message);
        Assert.Contains("'shipped'", error.Message);
    }

    [Fact]
    public void Any_other_failed_build_quotes_the_engine_output_tail()
    {
        var error = ImageBuilds.BuildFailure("shipped", "served", "podman", 125, new[] { "STEP 3/10: RUN pip install", "ERROR: No matching distribution found for alpha" });

        Assert.Equal(nameof(ErrorIds.ContainerBuildFailed), error.ErrorId);
        Assert.Contains("No matching distribution found for alpha", error.Message);
        Assert.DoesNotContain("rootless", error.Message);
    }
}
