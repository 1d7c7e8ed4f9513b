using System.IO;
using CodeEnv.Errors;
using CodeEnv.Store;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Service
{
    /// <summary>
    /// Whether a root is served: its codeenv.json names the service account and the endpoint it listens on. On a served
    /// root every cmdlet sends its operation to the service; on a direct one it works on the files itself.
    /// </summary>
    public sealed class ServedRoot
    {
        private ServedRoot(RootPaths paths, string account, string endpoint, ServiceLimits limits)
        {
            Paths = paths;
            Account = account;
            Endpoint = endpoint;
            Limits = limits;
        }

        public RootPaths Paths { get; }

        /// <summary>The OS account the service runs as; it owns the root's files.</summary>
        public string Account { get; }

        /// <summary>The socket's full path.</summary>
        public string Endpoint { get; }

        /// <summary>What one caller may spend of the service, as codeenv.json says now (the service reads them when it starts).</summary>
        internal ServiceLimits Limits { get; }

        /// <summary>The served root at <paramref name="paths"/>, or null for a direct one (or a root that cannot be read: the engine says why).</summary>
        public static ServedRoot? Find(RootPaths paths)
        {
            JObject settings;
            try
            {
                settings = JObject.Parse(File.ReadAllText(paths.SettingsFile));
            }
            catch (IOException)
            {
                return null;
            }
            catch (System.UnauthorizedAccessException)
            {
                return null;
            }
            catch (Newtonsoft.Json.JsonException)
            {
                return null;
            }

            if (!(settings["service"] is JObject service) || service.Value<string>("account") is not string account || account.Length == 0)
            {
                return null;
            }

            var endpoint = service.Value<string>("endpoint");
            return new ServedRoot(paths, account, paths.ServiceSocket(endpoint), ReadLimits(service["limits"]));
        }

        // Read as leniently as the rest of this check: a damaged section means the defaults, and the engine reports the
        // damage on the first operation.
        private static ServiceLimits ReadLimits(JToken? limits)
        {
            try
            {
                var reader = Newtonsoft.Json.JsonSerializer.Create(new Newtonsoft.Json.JsonSerializerSettings { ContractResolver = Json.Settings.ContractResolver });
                return (limits as JObject)?.ToObject<ServiceLimits>(reader) ?? new ServiceLimits();
            }
            catch (Newtonsoft.Json.JsonException)
            {
                return new ServiceLimits();
            }
        }

        public CodeEnvException NotRunning(string why) => new CodeEnvException(
            ErrorIds.ServiceNotRunning,
            $"The root '{Paths.Root}' is served by the CodeEnv service, which is not running ({why} at '{Endpoint}'). Start it: 'sudo systemctl start codeenv', or 'sudo -u {Account} codeenv serve --root {Paths.Root}'.",
            Paths.Root);
    }
}
