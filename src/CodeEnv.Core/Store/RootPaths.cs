using System.IO;

namespace CodeEnv.Store
{
    /// <summary>The on-disk layout of a root; the one place that knows where each file lives.</summary>
    public sealed class RootPaths
    {
        public RootPaths(string root)
        {
            Root = Path.GetFullPath(root);
        }

        public string Root { get; }

        public string SettingsFile => Path.Combine(Root, "codeenv.json");

        public string EnvsFolder => Path.Combine(Root, "envs");

        public string Wheelhouse => Path.Combine(Root, "wheelhouse");

        public string Cache => Path.Combine(Root, "cache");

        public string PipCache => Path.Combine(Cache, "pip");

        /// <summary>
        /// The package store: every wheel once and every wheel's unpacked tree once, by sha256, read-only; venvs link
        /// their files from it (see Wheels/PackageStore).
        /// </summary>
        public string PackageStore => Path.Combine(Root, "store");

        /// <summary>Bookkeeping that is not part of any env: name claims, locks, removed envs awaiting deletion.</summary>
        public string StateFolder => Path.Combine(Root, "state");

        public string NamesFolder => Path.Combine(StateFolder, "names");

        public string LocksFolder => Path.Combine(StateFolder, "locks");

        public string TrashFolder => Path.Combine(StateFolder, "trash");

        /// <summary>Package source credentials, readable by the root's owner alone (see SourceSecrets).</summary>
        public string SecretsFile => Path.Combine(StateFolder, "secrets.json");

        /// <summary>The values of the envs' secret variables, by env: readable by the root's owner alone, like <see cref="SecretsFile"/>.</summary>
        public string EnvironmentSecretsFile => Path.Combine(StateFolder, "env-secrets.json");

        /// <summary>Where a served root's socket is when codeenv.json names no endpoint, relative to the root.</summary>
        public const string DefaultServiceEndpoint = "state/codeenv.sock";

        /// <summary>
        /// The served root's socket, which every local user may connect to (see Service/ServedRoot): the endpoint
        /// codeenv.json names, relative to the root, or <see cref="DefaultServiceEndpoint"/>.
        /// </summary>
        public string ServiceSocket(string? endpoint) => Path.Combine(Root, string.IsNullOrEmpty(endpoint) ? DefaultServiceEndpoint : endpoint!);

        /// <summary>Files the service handles for one call (an uploaded archive, an export on its way to the caller), its alone.</summary>
        public string ServiceWorkFolder => Path.Combine(StateFolder, "service");

        /// <summary>Where an archive being published arrives on a direct root (a served root uses <see cref="ServiceWorkFolder"/>).</summary>
        public string UploadsFolder => Path.Combine(Cache, "uploads");

        /// <summary>pip's cache of one env on a served root: a build sandboxed to its env sees no other env's cache.</summary>
        public string EnvPipCache(string name) => Path.Combine(Cache, "pip-envs", Key(name));

        public string RootLockFile => Path.Combine(LocksFolder, "_root.lock");

        /// <summary>Every earlier revision of codeenv.json.</summary>
        public string RootHistoryFolder => Path.Combine(Root, "history");

        public string RootHistoryFile(int revision) => Path.Combine(RootHistoryFolder, revision + ".json");

        /// <summary>Where kernel specs go unless the root settings name another folder.</summary>
        public string DefaultKernelsFolder => Path.Combine(Root, "jupyter", "kernels");

        public string EnvFolder(string name) => Path.Combine(EnvsFolder, name);

        public string EnvFile(string name) => Path.Combine(EnvFolder(name), "env.json");

        /// <summary>The env's resources (Publish-CodeEnvResource): files its init script, smoke test and code read; CODEENV_RESOURCES names it.</summary>
        public string ResourcesFolder(string name) => Path.Combine(EnvFolder(name), "resources");

        /// <summary>The last venv generation whose smoke test or init script failed, kept for inspection; never served, swept or restored.</summary>
        public string FailedGenerationsFolder(string name) => Path.Combine(EnvFolder(name), "failed");

        /// <summary>The env's stable venv path: what jobs, kernels and activate use. A link to the current generation's entry points.</summary>
        public string VenvFolder(string name) => Path.Combine(EnvFolder(name), "venv");

        /// <summary>The env's venv generations: each a real venv built beside the current one, kept for rollback.</summary>
        public string GenerationsFolder(string name) => Path.Combine(EnvFolder(name), "venvs");

        public string GenerationFolder(string name, int generation) => Path.Combine(GenerationsFolder(name), generation.ToString(System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>The stable entry points of one generation (bin/ that starts its interpreter by its real path); the stable venv path links here.</summary>
        public string GenerationEntry(string name, int generation) => GenerationFolder(name, generation) + ".entry";

        /// <summary>What one generation was built from: its installed set, definition revision and size.</summary>
        public string GenerationRecord(string name, int generation) => GenerationFolder(name, generation) + ".installed.json";

        /// <summary>The installed set of every definition revision that was ever installed, kept after its venv is gone, so a restore can rebuild it exactly.</summary>
        public string InstalledHistoryFile(string name, int revision) => Path.Combine(InstalledHistoryFolder(name), revision + ".json");

        public string InstalledHistoryFolder(string name) => Path.Combine(EnvFolder(name), "installed");

        public string HistoryFolder(string name) => Path.Combine(EnvFolder(name), "history");

        public string HistoryFile(string name, int revision) => Path.Combine(HistoryFolder(name), revision + ".json");

        public string LogsFolder(string name) => Path.Combine(EnvFolder(name), "logs");

        /// <summary>The images built of the env: per container config and installed revision (Containers/ImageRecords).</summary>
        public string ImagesFile(string name) => Path.Combine(EnvFolder(name), "images.json");

        /// <summary>The resources' stamp and digest when last hashed, so a listing hashes a changed folder once, not every time.</summary>
        public string ResourcesDigestFile(string name) => Path.Combine(EnvFolder(name), "resources.sha256");

        /// <summary>The env's declared consumers (Usage/ConsumerFile), written under the env's lock.</summary>
        public string ConsumersFile(string name) => Path.Combine(EnvFolder(name), "consumers.json");

        /// <summary>The env's recorded usages (Usage/UsageRecords): one small file per user, kind and container config.</summary>
        public string UsagesFolder(string name) => Path.Combine(EnvFolder(name), "usages");

        public string StatusFile(string name) => Path.Combine(EnvFolder(name), "status.json");

        public string InstalledFile(string name) => Path.Combine(EnvFolder(name), "installed.json");

        /// <summary>Present while the env is frozen at a revision (Lock-CodeEnv).</summary>
        public string FreezeFile(string name) => Path.Combine(EnvFolder(name), "freeze.json");

        /// <summary>Present while the env is archived (Disable-CodeEnv).</summary>
        public string ArchiveFile(string name) => Path.Combine(EnvFolder(name), "archive.json");

        /// <summary>Locks and claims are keyed by the lower-cased name, so Sales and sales are one env.</summary>
        public string EnvLockFile(string name) => Path.Combine(LocksFolder, Key(name) + ".lock");

        /// <summary>Held while pip or venv work runs on the env's venv (see EnvironmentLocks.AcquireVenv).</summary>
        public string EnvVenvLockFile(string name) => Path.Combine(LocksFolder, Key(name) + ".venv.lock");

        public string NameClaimFile(string name) => Path.Combine(NamesFolder, Key(name) + ".json");

        public static string Key(string name) => name.ToLowerInvariant();
    }
}
