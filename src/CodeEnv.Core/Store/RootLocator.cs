using System;
using System.IO;
using CodeEnv.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Store
{
    /// <summary>
    /// Finds the root a command works on: the -Root parameter, then $env:CODEENV_ROOT, then the machine
    /// config file's "root" key.
    /// </summary>
    public sealed class RootLocator
    {
        public const string EnvironmentVariable = "CODEENV_ROOT";

        private readonly string? environmentValue;
        private readonly string machineConfigPath;

        public RootLocator(string? environmentValue, string machineConfigPath)
        {
            this.environmentValue = environmentValue;
            this.machineConfigPath = machineConfigPath;
        }

        /// <summary>The locator every cmdlet uses: the real environment variable and machine config file.</summary>
        public static RootLocator ForThisMachine() =>
            new RootLocator(System.Environment.GetEnvironmentVariable(EnvironmentVariable), DefaultMachineConfigPath);

        public static string DefaultMachineConfigPath =>
            Platform.IsWindows
                ? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.CommonApplicationData), "CodeEnv", "config.json")
                : "/etc/codeenv/config.json";

        /// <summary>Returns the full path of a valid root, or throws saying where it looked.</summary>
        public RootPaths Resolve(string? explicitRoot)
        {
            if (!string.IsNullOrWhiteSpace(explicitRoot))
            {
                return Check(explicitRoot!, "the -Root parameter");
            }

            if (!string.IsNullOrWhiteSpace(environmentValue))
            {
                return Check(environmentValue!, "$env:" + EnvironmentVariable);
            }

            var fromConfig = ReadMachineConfig();
            if (fromConfig != null)
            {
                return Check(fromConfig, "the machine config file '" + machineConfigPath + "'");
            }

            throw new CodeEnvException(
                ErrorIds.CodeEnvRootNotConfigured,
                "No CodeEnv root is configured. Pass -Root <folder>, set $env:" + EnvironmentVariable
                + " to the root folder, or write {\"root\": \"<folder>\"} to the machine config file '" + machineConfigPath
                + "'. To create a root, run Initialize-CodeEnvRoot -Path <folder>.");
        }

        private static RootPaths Check(string root, string origin)
        {
            var paths = new RootPaths(root);
            if (!File.Exists(paths.SettingsFile))
            {
                throw new CodeEnvException(
                    ErrorIds.CodeEnvRootNotFound,
                    $"'{paths.Root}' (from {origin}) is not a CodeEnv root: it has no codeenv.json. "
                    + $"Pass the folder of an existing root, or create one with Initialize-CodeEnvRoot -Path '{paths.Root}'.",
                    paths.Root);
            }

            return paths;
        }

        private string? ReadMachineConfig()
        {
            if (!File.Exists(machineConfigPath))
            {
                return null;
            }

            try
            {
                var root = JObject.Parse(File.ReadAllText(machineConfigPath))["root"];
                if (root == null || root.Type != JTokenType.String || string.IsNullOrWhiteSpace(root.Value<string>()))
                {
                    throw new CodeEnvException(
                        ErrorIds.MachineConfigDamaged,
                        $"The machine config file '{machineConfigPath}' has no string 'root' key. Write {{\"root\": \"<folder>\"}} to it.",
                        machineConfigPath);
                }

                return root.Value<string>();
            }
            catch (Exception e) when (e is JsonException || e is IOException || e is UnauthorizedAccessException)
            {
                throw new CodeEnvException(
                    ErrorIds.MachineConfigDamaged,
                    $"The machine config file '{machineConfigPath}' cannot be read: {e.Message}. Write {{\"root\": \"<folder>\"}} to it.",
                    machineConfigPath,
                    e);
            }
        }
    }
}
