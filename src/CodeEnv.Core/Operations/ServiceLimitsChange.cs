using System;
using System.Collections.Generic;
using CodeEnv.Errors;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Set-CodeEnvRoot's service limits: each checked against its range, then stored in codeenv.json's service.limits.
    /// A value equal to the default is stored as no setting, so it follows the default (and Get-CodeEnvRoot |
    /// Set-CodeEnvRoot changes nothing). The service reads them when it starts.
    /// </summary>
    internal static class ServiceLimitsChange
    {
        private static readonly (string Parameter, Func<RootSettingsChange, int?> Value, int Min, int Max, string Unit)[] Ranges =
        {
            ("ServiceMaxMessageMiB", c => c.ServiceMaxMessageMiB, 1, 256, "MiB"),
            ("ServiceMaxPublishMiB", c => c.ServiceMaxPublishMiB, 1, 65536, "MiB"),
            ("ServiceMaxConnectionsPerUser", c => c.ServiceMaxConnectionsPerUser, 1, 1024, "connections"),
            ("ServiceMaxConnections", c => c.ServiceMaxConnections, 1, 16384, "connections"),
            ("ServiceMaxOperationsPerUser", c => c.ServiceMaxOperationsPerUser, 1, 1024, "operations"),
            ("ServiceMessageTimeoutSeconds", c => c.ServiceMessageTimeoutSeconds, 1, 3600, "seconds"),
            ("ServiceIdleTimeoutSeconds", c => c.ServiceIdleTimeoutSeconds, 1, 86400, "seconds"),
        };

        public static bool Any(RootSettingsChange change) => Array.Exists(Ranges, r => r.Value(change) != null);

        /// <summary>Refuses a limit out of its range, or any limit on a root that has no service.</summary>
        public static void Validate(RootSettingsChange change, RootSettingsDocument settings)
        {
            var given = new List<string>();
            foreach (var (parameter, value, min, max, unit) in Ranges)
            {
                var number = value(change);
                if (number == null)
                {
                    continue;
                }

                given.Add("-" + parameter);
                if (number < min || number > max)
                {
                    throw new CodeEnvException(ErrorIds.ServiceLimitInvalid, $"-{parameter} {number} is out of range: give {min} to {max} {unit}.", parameter);
                }
            }

            if (given.Count > 0 && settings.Service == null)
            {
                throw new CodeEnvException(
                    ErrorIds.ServiceLimitOnDirectRoot,
                    $"{string.Join(", ", given)} limit the CodeEnv service of a served root, and '{settings.Root}' is used directly (it has no service). Nothing was changed.",
                    settings.Root);
            }
        }

        public static void Apply(RootSettingsChange change, RootSettingsDocument settings)
        {
            if (settings.Service == null || !Any(change))
            {
                return;
            }

            var limits = settings.Service.Limits ?? new ServiceLimits();
            limits.MaxMessageMiB = Stored(change.ServiceMaxMessageMiB, limits.MaxMessageMiB, ServiceLimits.DefaultMaxMessageMiB);
            limits.MaxPublishMiB = Stored(change.ServiceMaxPublishMiB, limits.MaxPublishMiB, ServiceLimits.DefaultMaxPublishMiB);
            limits.MaxConnectionsPerUser = Stored(change.ServiceMaxConnectionsPerUser, limits.MaxConnectionsPerUser, ServiceLimits.DefaultMaxConnectionsPerUser);
            limits.MaxConnections = Stored(change.ServiceMaxConnections, limits.MaxConnections, ServiceLimits.DefaultMaxConnections);
            limits.MaxOperationsPerUser = Stored(change.ServiceMaxOperationsPerUser, limits.MaxOperationsPerUser, ServiceLimits.DefaultMaxOperationsPerUser);
            limits.MessageTimeoutSeconds = Stored(change.ServiceMessageTimeoutSeconds, limits.MessageTimeoutSeconds, ServiceLimits.DefaultMessageTimeoutSeconds);
            limits.IdleTimeoutSeconds = Stored(change.ServiceIdleTimeoutSeconds, limits.IdleTimeoutSeconds, ServiceLimits.DefaultIdleTimeoutSeconds);
            var anySet = limits.MaxMessageMiB != null || limits.MaxPublishMiB != null || limits.MaxConnectionsPerUser != null || limits.MaxConnections != null
                || limits.MaxOperationsPerUser != null || limits.MessageTimeoutSeconds != null || limits.IdleTimeoutSeconds != null;
            settings.Service.Limits = anySet ? limits : null;
        }

        private static int? Stored(int? given, int? stored, int defaultValue) => given == null ? stored : given == defaultValue ? null : given;
    }
}
