using CodeEnv.Errors;
using CodeEnv.TestSupport;
using CodeEnv.Python;

namespace CodeEnv.Core.Tests;

/// <summary>Cancelling a child ends every process it started, however its helpers end.</summary>
[Trait("Category", "Process")]
public class ProcessTreeTests
{
    // A middle process that dies with its parent (PR_SET_PDEATHSIG = 1, SIGKILL), as a container engine's runtime helper
    // does, and starts a grandchild that would outlive both.
    private const string Middle = "import ctypes, subprocess, sys, time\nctypes.CDLL(None).prctl(1, 9)\nsubprocess.Popen(['sh', '-c', 'sleep 600; : ' + sys.argv[1]])\ntime.sleep(600)\n";

    private const string Parent = "import subprocess, sys, time\nsubprocess.Popen([sys.executable, '-c', sys.argv[1], sys.argv[2]])\ntime.sleep(600)\n";

    [Fact]
    public async Task Cancelling_ends_a_grandchild_whose_parent_dies_with_its_own_parent()
    {
        using var cancel = new CancellationTokenSource();
        var (run, grandchild) = StartUntilTheGrandchildRuns(cancel.Token);

        cancel.Cancel();

        Assert.Contains("was killed", (await Assert.ThrowsAsync<CodeEnvException>(() => run)).Message);
        Patience.WaitUntil(() => !ProcessTable.AnyCommandLineContains(grandchild), "The grandchild outlived the cancelled run.");
    }

    [Fact]
    public async Task A_cancelled_run_ends_only_once_every_process_it_started_has_ended()
    {
        using var cancel = new CancellationTokenSource();
        var (run, grandchild) = StartUntilTheGrandchildRuns(cancel.Token);

        cancel.Cancel();
        await Assert.ThrowsAsync<CodeEnvException>(() => run);

        // No waiting here: a stop that returned while the tree was still dying let a stopped update report Outdated
        // with pip's build process still alive.
        Assert.False(ProcessTable.AnyCommandLineContains(grandchild), "The run ended while the grandchild was still alive.");
    }

    // Runs parent, middle and grandchild; returns the run and the grandchild's own script, not the marker alone, which
    // its parents carry as an argument too.
    private static (Task Run, string Grandchild) StartUntilTheGrandchildRuns(CancellationToken cancellation)
    {
        var marker = "codeenv_tree_" + Guid.NewGuid().ToString("N");
        var run = SystemProcessRunner.Instance.RunAsync(Interpreters.Require("3.12").Path, new[] { "-c", Parent, Middle, marker }, null, cancellation);
        var grandchild = "; : " + marker;
        Patience.WaitUntil(() => ProcessTable.AnyCommandLineContains(grandchild), "The grandchild never started.");
        return (run, grandchild);
    }
}
