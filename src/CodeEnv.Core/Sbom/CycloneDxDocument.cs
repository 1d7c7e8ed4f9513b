using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using CodeEnv.Errors;
using CodeEnv.Requirements;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Sbom
{
    /// <summary>
    /// Writes an env's CycloneDX SBOM (JSON, spec 1.6 by default or 1.5): the env as <c>metadata.component</c>, its
    /// interpreter as a <c>platform</c> component, every installed distribution as a <c>library</c> with its purl, the
    /// sha256 of the file it was installed from and its declared licenses, and the dependency graph. The same subject
    /// gives the same bytes but for <c>serialNumber</c> and <c>metadata.timestamp</c>, which the caller gives: components
    /// and every list are in a fixed order.
    /// </summary>
    public static class CycloneDxDocument
    {
        public const string SpecVersion15 = "1.5";

        public const string SpecVersion16 = "1.6";

        public const string DefaultSpecVersion = SpecVersion16;

        public static IReadOnlyList<string> SpecVersions { get; } = new[] { SpecVersion15, SpecVersion16 };

        /// <summary>The bom-ref of the env itself; a distribution's is its purl.</summary>
        public static string EnvironmentRef(string name) => "codeenv-env:" + name;

        public const string InterpreterRef = "codeenv-python";

        /// <summary>The document's JSON text.</summary>
        /// <param name="specVersion">1.5 or 1.6; anything else is an error naming both.</param>
        public static string Write(SbomSubject subject, string specVersion, Guid serialNumber, DateTimeOffset timestamp)
        {
            RequireSpecVersion(specVersion);
            var distributions = subject.Distributions.OrderBy(d => PackageName.Normalize(d.Name), StringComparer.Ordinal).ToList();
            var refs = distributions.ToDictionary(d => PackageName.Normalize(d.Name), d => d.Purl, StringComparer.Ordinal);
            var environmentRef = EnvironmentRef(subject.EnvironmentName);

            var document = new JObject
            {
                ["$schema"] = $"http://cyclonedx.org/schema/bom-{specVersion}.schema.json",
                ["bomFormat"] = "CycloneDX",
                ["specVersion"] = specVersion,
                ["serialNumber"] = "urn:uuid:" + serialNumber.ToString("D", CultureInfo.InvariantCulture),
                ["version"] = 1,
                ["metadata"] = new JObject
                {
                    ["timestamp"] = timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    ["tools"] = new JObject { ["components"] = new JArray(new JObject { ["type"] = "application", ["name"] = "CodeEnv", ["version"] = ToolVersion() }) },
                    ["component"] = EnvironmentComponent(subject, environmentRef),
                },
                ["components"] = new JArray(new[] { InterpreterComponent(subject) }.Concat(distributions.Select(d => DistributionComponent(d, specVersion)))),
                ["dependencies"] = new JArray(Dependencies(subject, environmentRef, distributions, refs)),
            };
            return document.ToString(Formatting.Indented) + "\n";
        }

        /// <summary>Refuses a spec version CodeEnv does not write, naming the ones it does.</summary>
        public static void RequireSpecVersion(string specVersion)
        {
            if (!SpecVersions.Contains(specVersion))
            {
                throw new CodeEnvException(ErrorIds.SbomSpecVersionInvalid, $"CycloneDX '{specVersion}' is not a version CodeEnv writes: give -SpecVersion 1.6 (the default) or 1.5.", specVersion);
            }
        }

        private static JObject EnvironmentComponent(SbomSubject subject, string environmentRef)
        {
            var component = new JObject
            {
                ["type"] = "application",
                ["bom-ref"] = environmentRef,
                ["name"] = subject.EnvironmentName,
                ["version"] = subject.Revision.ToString(CultureInfo.InvariantCulture),
            };
            if (subject.Description.Length > 0)
            {
                component["description"] = subject.Description;
            }

            var properties = new List<(string, string)>
            {
                ("codeenv:revision", subject.Revision.ToString(CultureInfo.InvariantCulture)),
                ("codeenv:installedAt", subject.InstalledAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            };
            properties.AddRange(subject.Requirements.Select(r => ("codeenv:requirement", r)));
            component["properties"] = Properties(properties);
            return component;
        }

        private static JObject InterpreterComponent(SbomSubject subject)
        {
            var implementation = subject.Markers.TryGetValue("implementation_name", out var name) && name != "cpython" ? name : "CPython";
            var version = subject.Markers.TryGetValue("python_full_version", out var full) ? full : subject.PythonVersion;
            var properties = new List<(string, string)>();
            if (subject.InterpreterPath.Length > 0)
            {
                properties.Add(("codeenv:python:interpreter", subject.InterpreterPath));
            }

            properties.AddRange(subject.Markers.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => ("codeenv:python:marker:" + m.Key, m.Value)));
            var component = new JObject
            {
                ["type"] = "platform",
                ["bom-ref"] = InterpreterRef,
                ["name"] = implementation,
                ["version"] = version,
            };
            if (properties.Count > 0)
            {
                component["properties"] = Properties(properties);
            }

            return component;
        }

        private static JObject DistributionComponent(SbomDistribution distribution, string specVersion)
        {
            var component = new JObject
            {
                ["type"] = "library",
                ["bom-ref"] = distribution.Purl,
                ["name"] = distribution.Name,
                ["version"] = distribution.Version,
            };
            if (distribution.Artifact != null)
            {
                component["hashes"] = Sha256(distribution.Artifact.Sha256);
            }

            var licenses = CycloneDxLicenses.For(distribution.License, specVersion);
            if (licenses != null)
            {
                component["licenses"] = licenses;
            }

            component["purl"] = distribution.Purl;
            if (distribution.Artifact != null && distribution.Artifact.Url.Length > 0)
            {
                component["externalReferences"] = new JArray(new JObject
                {
                    ["type"] = "distribution",
                    ["url"] = distribution.Artifact.Url,
                    ["comment"] = distribution.Artifact.FileName,
                    ["hashes"] = Sha256(distribution.Artifact.Sha256),
                });
            }

            return component;
        }

        // Every component is a node of the graph, one with no dependencies too, as the spec asks.
        private static IEnumerable<JObject> Dependencies(SbomSubject subject, string environmentRef, IReadOnlyList<SbomDistribution> distributions, IReadOnlyDictionary<string, string> refs)
        {
            JObject Node(string reference, IEnumerable<string> dependsOn) => new JObject { ["ref"] = reference, ["dependsOn"] = new JArray(dependsOn.Distinct().OrderBy(r => r, StringComparer.Ordinal)) };

            yield return Node(environmentRef, new[] { InterpreterRef }.Concat(subject.Direct.Where(refs.ContainsKey).Select(d => refs[d])));
            yield return Node(InterpreterRef, Array.Empty<string>());
            foreach (var distribution in distributions)
            {
                var edges = subject.DependsOn.TryGetValue(PackageName.Normalize(distribution.Name), out var found) ? found : Array.Empty<string>();
                yield return Node(distribution.Purl, edges.Where(refs.ContainsKey).Select(e => refs[e]));
            }
        }

        private static JArray Sha256(string hex) => new JArray(new JObject { ["alg"] = "SHA-256", ["content"] = hex });

        private static JArray Properties(IEnumerable<(string Name, string Value)> properties) =>
            new JArray(properties.Select(p => new JObject { ["name"] = p.Name, ["value"] = p.Value }));

        // The engine's version without the build's source revision (0.1.0, not 0.1.0+abc123).
        private static string ToolVersion()
        {
            var informational = typeof(CycloneDxDocument).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
            return informational.Split('+')[0];
        }
    }
}
