using System.Diagnostics;
using CodeEnv.Errors;
using CodeEnv.Requirements;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

public class RequirementsFileTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void A_folder_is_refused() =>
        Assert.Equal("RequirementsFileInvalid", Assert.Throws<CodeEnvException>(() => RequirementsFile.Read(folder.Path)).ErrorId);

    [Fact]
    public void A_missing_file_is_not_found() =>
        Assert.Equal(ErrorKind.NotFound, Assert.Throws<CodeEnvException>(() => RequirementsFile.Read(folder.Combine("nope.txt"))).Kind);

    [Fact]
    public void A_file_over_a_megabyte_is_refused()
    {
        var file = folder.Combine("big.txt");
        File.WriteAllText(file, new string('#', 1024 * 1024 + 1));
        Assert.Contains("at most 1048576 bytes", Assert.Throws<CodeEnvException>(() => RequirementsFile.Read(file)).Message);
    }

    [Trait(TestLayers.Category, TestLayers.Process)]
    [Fact]
    public async Task A_fifo_is_refused_instead_of_blocking()
    {
        var fifo = folder.Combine("requirements.txt");
        Process.Start("mkfifo", new[] { fifo })!.WaitForExit();
        var read = Task.Run(() => Assert.Throws<CodeEnvException>(() => RequirementsFile.Read(fifo)));
        Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal("RequirementsFileInvalid", (await read).ErrorId);
    }

    [Fact]
    public void Lines_are_split_whatever_the_line_endings()
    {
        var file = folder.Combine("requirements.txt");
        File.WriteAllText(file, "alpha\r\nbeta\n");
        Assert.Equal(new[] { "alpha", "beta", "" }, RequirementsFile.Read(file));
    }

    public void Dispose() => folder.Dispose();
}
