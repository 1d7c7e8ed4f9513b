using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Store;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Python
{
    /// <summary>
    /// What interpreters said of themselves, kept in the user's own cache folder ($XDG_CACHE_HOME or ~/.cache,
    /// codeenv/interpreter-probes.json) across processes: probing every Python on a machine starts a dozen processes, which
    /// every new pwsh or codeenv process paid before its first New-CodeEnv or Get-CodeEnvPython. An entry counts only for
    /// the same file (path, size, time) and while the folders it describes still look the same; only the user (the service
    /// account, for a served root) writes it. A cache that cannot be read or written is no cache: probing goes on.
    /// </summary>
    internal sealed class ProbeCache
    {
        /// <summary>The cache of the user this process runs as.</summary>
        public static readonly ProbeCache ForThisUser = new ProbeCache(Locate());

        private readonly object gate = new object();
        private readonly string? file;

        // The file as this process first read it, and what it added since: a discovery looks up a dozen interpreters at once.
        private JObject? known;

        /// <param name="file">The cache file; null for none.</param>
        public ProbeCache(string? file)
        {
            this.file = file;
        }

        public bool TryGet(string key, out ProbeResult? result)
        {
            result = null;
            JToken? entry;
            lock (gate)
            {
                known ??= Read() ?? new JObject();
                entry = known[key]?.DeepClone();
            }

            if (entry == null)
            {
                return false;
            }

            try
            {
                if (entry.Type == JTokenType.Null)
                {
                    return true;
                }

                var probe = entry.ToObject<Entry>()!;
                var found = new ProbeResult(probe.Version, Version.Parse(probe.NumericVersion), probe.Executable, probe.Prefix, probe.BasePrefix, probe.SupportsVenv, probe.HasHeaders, probe.Implementation, probe.Machine, probe.StandardLibrary, probe.IncludeFolder);
                if (!found.StillDescribesItsFolders())
                {
                    return false;
                }

                result = found;
                return true;
            }
            catch (Exception e) when (e is JsonException || e is ArgumentException || e is FormatException || e is OverflowException || e is NullReferenceException)
            {
                return false;
            }
        }

        public void Add(string key, ProbeResult? result) =>
            Store(key, () => result == null ? JValue.CreateNull() : JObject.FromObject(new Entry
            {
                Version = result.Version,
                NumericVersion = result.NumericVersion.ToString(),
                Executable = result.Executable,
                Prefix = result.Prefix,
                BasePrefix = result.BasePrefix,
                SupportsVenv = result.SupportsVenv,
                HasHeaders = result.HasHeaders,
                Implementation = result.Implementation,
                Machine = result.Machine,
                StandardLibrary = result.StandardLibrary,
                IncludeFolder = result.IncludeFolder,
            }));

        /// <summary>The wheel tags a venv's pip reported, under <paramref name="key"/> (its interpreter's file and its pip's version).</summary>
        public bool TryGetTags(string key, out SupportedTagsReport? report)
        {
            report = null;
            JToken? entry;
            lock (gate)
            {
                known ??= Read() ?? new JObject();
                entry = known[TagsKey(key)]?.DeepClone();
            }

            try
            {
                var pip = entry?["pip"]?.Value<string>();
                var tags = entry?["tags"]?.Values<string>().ToList();
                if (pip == null || tags == null || tags.Count == 0 || tags.Any(t => string.IsNullOrEmpty(t)))
                {
                    return false;
                }

                report = new SupportedTagsReport(pip, tags!);
                return true;
            }
            catch (Exception e) when (e is JsonException || e is InvalidCastException || e is FormatException)
            {
                return false;
            }
        }

        public void AddTags(string key, SupportedTagsReport report) =>
            Store(TagsKey(key), () => new JObject { ["pip"] = report.PipVersion, ["tags"] = new JArray(report.Tags) });

        // Probes and tags share the file; a tags entry is never read as a probe, since no interpreter's key starts so.
        private static string TagsKey(string key) => "tags|" + key;

        private void Store(string key, Func<JToken> value)
        {
            if (file == null)
            {
                return;
            }

            lock (gate)
            {
                try
                {
                    var entries = Read() ?? new JObject();
                    entries[key] = value();
                    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                    AtomicFile.WriteAllText(file, entries.ToString(Formatting.None));
                    known = entries;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is JsonException)
                {
                }
            }
        }

        private JObject? Read()
        {
            if (file == null)
            {
                return null;
            }

            try
            {
                return File.Exists(file) ? JObject.Parse(File.ReadAllText(file)) : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is JsonException)
            {
                return null;
            }
        }

        private static string? Locate()
        {
            var cache = System.Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cache))
            {
                var home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
                cache = string.IsNullOrEmpty(home) ? null : Path.Combine(home, Platform.IsWindows ? Path.Combine("AppData", "Local") : ".cache");
            }

            return cache == null ? null : Path.Combine(cache, "codeenv", "interpreter-probes.json");
        }

        private sealed class Entry
        {
            public string Version { get; set; } = "";

            public string NumericVersion { get; set; } = "";

            public string Executable { get; set; } = "";

            public string Prefix { get; set; } = "";

            public string BasePrefix { get; set; } = "";

            public bool SupportsVenv { get; set; }

            public bool HasHeaders { get; set; }

            public string Implementation { get; set; } = "";

            public string Machine { get; set; } = "";

            public string StandardLibrary { get; set; } = "";

            public string IncludeFolder { get; set; } = "";
        }
    }
}
