using CodeEnv.Python;

namespace CodeEnv.Core.Tests;

public class PythonEnvironmentTests
{
    [Fact]
    public void Every_pip_variable_of_the_caller_is_dropped_so_only_the_roots_sources_count()
    {
        System.Environment.SetEnvironmentVariable("PIP_CODEENV_TEST_EXTRA_INDEX_URL", "http://leak.invalid/simple");
        try
        {
            var clean = PythonEnvironment.Clean;
            Assert.True(clean.ContainsKey("PIP_CODEENV_TEST_EXTRA_INDEX_URL"));
            Assert.Null(clean["PIP_CODEENV_TEST_EXTRA_INDEX_URL"]);
            Assert.Equal("/dev/null", clean["PIP_CONFIG_FILE"]);
            Assert.Null(clean["PYTHONPATH"]);
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("PIP_CODEENV_TEST_EXTRA_INDEX_URL", null);
        }
    }
}
