using CodeEnv.Errors;

namespace CodeEnv.Operations
{
    /// <summary>
    /// The rule of venvs listed with Register-CodeEnv: CodeEnv names them, guards them with permissions and history,
    /// reads and tests them and runs their python, but never changes what is installed in them.
    /// </summary>
    internal static class RegisteredVenvs
    {
        public static void RequireManaged(EnvironmentDefinition definition, string operation)
        {
            if (definition.RegisteredVenv != null)
            {
                throw new CodeEnvException(
                    ErrorIds.CodeEnvNotManaged,
                    $"The env '{definition.Name}' is a venv registered from '{definition.RegisteredVenv}', which CodeEnv lists but does not manage, so {operation} does not change its packages. To manage it, create a managed env from it: New-CodeEnv -Name <new name> -FromVenv '{definition.RegisteredVenv}'.",
                    definition.Name);
            }
        }
    }
}
