using CodeEnv.Security;
using CodeEnv.Service;

namespace CodeEnv.Core.Tests;

/// <summary>The service authorizes each request from one table: every operation of its contract must be in it, completely.</summary>
public class ServiceOperationsTests
{
    private static readonly string[] EnvironmentParameters = { "name", "reference", "difference" };

    [Fact]
    public void Every_operation_of_the_contract_declares_what_its_caller_must_hold()
    {
        var undeclared = ServiceOperations.All.Where(o => !o.IsDeclared).Select(o => o.Name).ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void Every_operation_that_names_an_env_needs_a_right_on_it_unless_everyone_may_call_it()
    {
        foreach (var operation in ServiceOperations.All)
        {
            var named = operation.Method.GetParameters().Where(p => p.ParameterType == typeof(string) && EnvironmentParameters.Contains(p.Name)).Select(p => p.Name!).ToList();
            var checkedOn = operation.Checks.SelectMany(c => c.Environments.Select(e => e.Name)).ToList();
            var openToEveryone = operation.Checks.All(c => c.Requires.Requirement == CallerRequirement.AnyLocalUser);

            Assert.True(openToEveryone || named.All(checkedOn.Contains), $"{operation.Name} names the env(s) {string.Join(", ", named)} but checks a right only on {string.Join(", ", checkedOn)}.");
        }
    }

    [Fact]
    public void An_operation_the_contract_does_not_declare_is_refused()
    {
        var refused = Assert.Throws<CodeEnv.Errors.CodeEnvException>(() => ServiceOperations.Of("Lifecycle/RunScriptAsync"));

        Assert.Equal("OperationNotDeclared", refused.ErrorId);
    }
}
