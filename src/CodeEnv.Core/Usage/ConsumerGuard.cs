using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Requirements;

namespace CodeEnv.Usage
{
    /// <summary>
    /// What would break a declared consumer, decided in one place for every path that removes an env or changes it:
    /// the env's removal, a change of its Python's major.minor version (a patch release keeps the ABI its packages were
    /// built for), and a requested line of a package a consumer pins going away. Each refusal names the consumers; -Force
    /// (the caller's <c>overrideConsumers</c>) lets the change through.
    /// </summary>
    internal static class ConsumerGuard
    {
        public static void RefuseRemoval(string name, IReadOnlyList<StoredConsumer> consumers, bool overrideConsumers)
        {
            if (consumers.Count > 0 && !overrideConsumers)
            {
                throw Refusal(name, $"Removing the env '{name}' would break its declared consumers: {Names(consumers)}.", consumers[0]);
            }
        }

        public static void RefuseBreakingChange(EnvironmentDefinition before, EnvironmentDefinition after, IReadOnlyList<StoredConsumer> consumers, bool overrideConsumers)
        {
            if (overrideConsumers || consumers.Count == 0)
            {
                return;
            }

            var breaks = BreakingChanges(before, after, consumers);
            if (breaks.Count > 0)
            {
                throw Refusal(before.Name, string.Join(" ", breaks.Select(b => b.Text)), breaks[0].Consumers[0]);
            }
        }

        /// <summary>Each breaking part of a change with the consumers it breaks: what a refusal and a -WhatIf say.</summary>
        public static IReadOnlyList<(string Text, IReadOnlyList<StoredConsumer> Consumers)> BreakingChanges(EnvironmentDefinition before, EnvironmentDefinition after, IReadOnlyList<StoredConsumer> consumers)
        {
            var breaks = new List<(string, IReadOnlyList<StoredConsumer>)>();
            if (consumers.Count == 0)
            {
                return breaks;
            }

            if (MinorVersion(before.Python.Version) != MinorVersion(after.Python.Version))
            {
                breaks.Add(($"Changing the Python of '{before.Name}' from {before.Python.Version} to {after.Python.Version} would break its declared consumers: {Names(consumers)}.", consumers));
            }

            var removed = RemovedPackages(before, after);
            foreach (var package in removed)
            {
                var pinning = consumers.Where(c => c.Packages.Contains(package, StringComparer.Ordinal)).ToList();
                if (pinning.Count > 0)
                {
                    breaks.Add(($"Removing the package '{package}' from '{before.Name}' would break the declared consumers that pin it: {Names(pinning)}.", pinning));
                }
            }

            return breaks;
        }

        /// <summary>Normalized names of the packages requested before and not after.</summary>
        public static IReadOnlyList<string> RemovedPackages(EnvironmentDefinition before, EnvironmentDefinition after)
        {
            var kept = new HashSet<string>(RequestedNames(after), StringComparer.Ordinal);
            return RequestedNames(before).Where(n => !kept.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
        }

        public static string Names(IEnumerable<StoredConsumer> consumers) => string.Join(", ", consumers.Select(c => c.Describe()));

        private static IEnumerable<string> RequestedNames(EnvironmentDefinition definition) =>
            definition.RequestedPackages.Select(EnvironmentRequirements.NameOf).Where(n => n != null).Select(n => PackageName.Normalize(n!));

        private static string MinorVersion(string version) => string.Join(".", version.Split('.').Take(2));

        private static CodeEnvException Refusal(string name, string what, StoredConsumer first) =>
            new CodeEnvException(
                ErrorIds.EnvironmentHasConsumers,
                what + $" Nothing was changed. Ask their owners, remove them with Remove-CodeEnvConsumer -Name {name} -Kind {first.Kind} -Id '{first.Id}', or repeat the command with -Force.",
                name);
    }
}
