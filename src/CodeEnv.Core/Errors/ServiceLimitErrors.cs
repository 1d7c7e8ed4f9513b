using System;
using CodeEnv.Errors;

namespace CodeEnv.Errors
{
    /// <summary>
    /// The errors a caller meets at a limit of the service: each names the limit, what to do now, and how an
    /// administrator raises it (Set-CodeEnvRoot, then a restart of the service, which reads its limits when it starts).
    /// </summary>
    internal static class ServiceLimitErrors
    {
        public static CodeEnvException TooManyConnectionsOfUser(string root, int limit) => new CodeEnvException(
            ErrorIds.TooManyConnections,
            $"This user already holds {limit} connections to the CodeEnv service of '{root}', the most one user may hold at once (each running CodeEnv cmdlet holds one). Let other CodeEnv pipelines or jobs of this user finish, then run the command again. {HowToRaise("ServiceMaxConnectionsPerUser")}",
            root);

        public static CodeEnvException ServiceBusy(string root, int limit) => new CodeEnvException(
            ErrorIds.ServiceBusy,
            $"The CodeEnv service of '{root}' already holds {limit} connections, the most it takes from all users together. Run the command again in a moment. {HowToRaise("ServiceMaxConnections")}",
            root);

        public static CodeEnvException TooManyOperations(string root, string user, int limit) => new CodeEnvException(
            ErrorIds.TooManyOperations,
            $"'{user}' already runs {limit} operations in the CodeEnv service of '{root}', the most one user may run at once, so this one was not started. Run it again when one of them has finished. {HowToRaise("ServiceMaxOperationsPerUser")}",
            user);

        /// <summary>Said by the caller's own process, before anything of the message is sent.</summary>
        public static CodeEnvException MessageTooLarge(string root, long bytes, long limit) => new CodeEnvException(
            ErrorIds.MessageTooLarge,
            $"This call would send {MiB(bytes)} to the CodeEnv service of '{root}', more than the {MiB(limit)} it reads in one message, so nothing was sent (such as an Import-CodeEnv document or a package list this large). {HowToRaise("ServiceMaxMessageMiB")}",
            root);

        public static CodeEnvException PublishTooLarge(string root, string fileName, long bytes, long limit) => new CodeEnvException(
            ErrorIds.PublishTooLarge,
            $"'{fileName}' is {MiB(bytes)}, more than the {MiB(limit)} the CodeEnv service of '{root}' accepts for Publish-CodeEnvPackage; nothing was sent. {HowToRaise("ServiceMaxPublishMiB")}",
            fileName);

        private static string HowToRaise(string parameter) =>
            $"An administrator raises the limit with Set-CodeEnvRoot -{parameter} <n>, then restarts the service ('sudo systemctl restart codeenv'), which reads its limits when it starts.";

        private static string MiB(long bytes) => bytes >= 1024 * 1024
            ? $"{Math.Round(bytes / (1024.0 * 1024), 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} MiB"
            : $"{bytes} bytes";
    }
}
