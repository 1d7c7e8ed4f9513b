using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Requirements;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>A root's settings: laying out a new root, reading them, and changing them (administrators' work, validated here).</summary>
    public sealed class RootService : IRootService
    {
        private static readonly Regex HostName = new Regex(@"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?$", RegexOptions.CultureInvariant);

        private readonly EngineContext context;

        internal RootService(EngineContext context)
        {
            this.context = context;
        }

        /// <summary>Lays out a root in an absent or empty folder; the caller is its administrator unless others are named.</summary>
        /// <param name="serviceAccount">Makes a served root: its files go to this account, whose CodeEnv service alone changes them.</param>
        public static RootSettings Initialize(string folder, IReadOnlyList<string>? administrators, IIdentityProvider identity, IClock clock, string? serviceAccount = null)
        {
            var paths = new RootPaths(folder);
            if (serviceAccount != null)
            {
                // A folder that cannot be a root is the first thing said; a hand-over this process cannot make, the next.
                RootStore.RequireNewRootFolder(paths);
                ServedRootLayout.RequireCanHandOver(serviceAccount);
            }

            var settings = RootStore.Initialize(folder, administrators, identity.Current(), clock, serviceAccount);
            if (serviceAccount != null)
            {
                ServedRootLayout.Apply(paths, serviceAccount);
            }

            return View(settings);
        }

        public Task<RootSettings> SettingsAsync(CancellationToken cancellation) => Task.Run(() => View(context.Settings()), cancellation);

        /// <summary>Changes the settings as one new revision; a change that sets every value to what it is makes none.</summary>
        public Task<RootSettings> ChangeAsync(RootSettingsChange change, CancellationToken cancellation) =>
            Task.Run<RootSettings>(() =>
            {
                var paths = context.Paths;
                var settings = context.Settings();
                var caller = context.Caller;
                AccessPolicy.RequireAdministrator(settings, caller, "change the root settings");
                Validate(change);
                ServiceLimitsChange.Validate(change, settings);
                SourceRulesChange.Validate(change);
                var updated = RootStore.Update(
                    paths,
                    s =>
                    {
                        var sources = s.PackageSources;
                        // Credentials go to the secrets file; the settings (and so their history and every view) keep the URL redacted.
                        if (change.IndexUrl != null)
                        {
                            sources.IndexUrl = change.IndexUrl.Length == 0 ? null : SourceSecrets.Keep(paths, change.IndexUrl);
                        }

                        sources.ExtraIndexUrls = change.ExtraIndexUrls?.Select(u => SourceSecrets.Keep(paths, u)).ToList() ?? sources.ExtraIndexUrls;
                        sources.FindLinks = change.FindLinks?.Select(l => SourceSecrets.Keep(paths, l)).ToList() ?? sources.FindLinks;
                        sources.TrustedHosts = change.TrustedHosts?.ToList() ?? sources.TrustedHosts;
                        sources.NoIndex = change.NoIndex ?? sources.NoIndex;
                        s.BasePackages = change.BasePackages?.ToList() ?? s.BasePackages;
                        s.AllowedLicenses = Trimmed(change.AllowedLicenses) ?? s.AllowedLicenses;
                        s.LockTimeoutSeconds = change.LockTimeoutSeconds ?? s.LockTimeoutSeconds;
                        s.KeptVenvs = change.KeptVenvs ?? s.KeptVenvs;
                        // The default is stored as no setting, as the kernels folder is: Get-CodeEnvRoot | Set-CodeEnvRoot changes nothing.
                        s.UnusedAfterDays = change.UnusedAfterDays == null ? s.UnusedAfterDays : change.UnusedAfterDays == RootSettingsDocument.DefaultUnusedAfterDays ? null : change.UnusedAfterDays;
                        s.LinkMode = change.LinkMode ?? s.LinkMode;
                        s.AdvisoryApiUrl = change.AdvisoryApiUrl == null ? s.AdvisoryApiUrl : change.AdvisoryApiUrl.Length == 0 || change.AdvisoryApiUrl.TrimEnd('/') == RootSettingsDocument.DefaultAdvisoryApiUrl ? null : change.AdvisoryApiUrl.TrimEnd('/');
                        s.Administrators = Trimmed(change.Administrators) ?? s.Administrators;
                        s.CreatorGroups = Trimmed(change.CreatorGroups) ?? s.CreatorGroups;
                        s.ManagerGroups = Trimmed(change.ManagerGroups) ?? s.ManagerGroups;
                        // The default folder is stored as no setting, so it follows the root wherever the root moves.
                        s.KernelsFolder = change.KernelsFolder == null ? s.KernelsFolder
                            : change.KernelsFolder.Length == 0 || Path.GetFullPath(change.KernelsFolder) == paths.DefaultKernelsFolder ? null
                            : Path.GetFullPath(change.KernelsFolder);
                        ServiceLimitsChange.Apply(change, s);
                        SourceRulesChange.Apply(change, s);
                    },
                    caller,
                    context.Clock,
                    EngineContext.LockTimeout(settings));
                if (change.Administrators != null || change.ManagerGroups != null)
                {
                    // Administrators and managers may use every env, so on a served root every env folder's ACL names them.
                    foreach (var name in context.Store.Names())
                    {
                        context.Access.Follow(context.Store.Read(name), updated);
                    }
                }

                return View(updated);
            }, cancellation);

        private static RootSettings View(RootSettingsDocument settings) => new RootSettings(settings, SourceSecrets.Shown(settings.PackageSources));

        private static List<string>? Trimmed(IReadOnlyList<string>? names) =>
            names?.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        private static void Validate(RootSettingsChange change)
        {
            if (change.Administrators != null && Trimmed(change.Administrators)!.Count == 0)
            {
                throw Invalid(ErrorIds.LastAdministrator, "Administrator", "-Administrator would leave the root without an administrator, and nobody could change its settings again. Name at least one user or group.");
            }

            if (change.LockTimeoutSeconds != null && (change.LockTimeoutSeconds < 0 || change.LockTimeoutSeconds > 3600 || double.IsNaN(change.LockTimeoutSeconds.Value)))
            {
                throw Invalid(ErrorIds.LockTimeoutInvalid, "LockTimeoutSeconds", $"-LockTimeoutSeconds {change.LockTimeoutSeconds} is out of range: give 0 to 3600 seconds.");
            }

            if (change.KeptVenvs != null && (change.KeptVenvs < 0 || change.KeptVenvs > 100))
            {
                throw Invalid(ErrorIds.KeptVenvsInvalid, "KeptVenvs", $"-KeptVenvs {change.KeptVenvs} is out of range: give 0 (keep only the venv that serves) to 100 earlier venvs per env.");
            }

            if (change.UnusedAfterDays != null && (change.UnusedAfterDays < 1 || change.UnusedAfterDays > 36500))
            {
                throw Invalid(ErrorIds.UnusedAfterDaysInvalid, "UnusedAfterDays", $"-UnusedAfterDays {change.UnusedAfterDays} is out of range: give 1 to 36500 days.");
            }

            if (!string.IsNullOrEmpty(change.AdvisoryApiUrl)
                && (!Uri.TryCreate(change.AdvisoryApiUrl, UriKind.Absolute, out var api) || (api.Scheme != "https" && api.Scheme != "http") || api.UserInfo.Length > 0 || api.Query.Length > 0))
            {
                throw Invalid(ErrorIds.AdvisoryApiUrlInvalid, change.AdvisoryApiUrl!, $"-AdvisoryApiUrl '{change.AdvisoryApiUrl}' is not the address of an OSV API: give an http(s) URL without credentials or query, such as {Advisories.OsvApiClient.DefaultUrl}, or '' for that one.");
            }

            if (!string.IsNullOrEmpty(change.KernelsFolder) && !Path.IsPathRooted(change.KernelsFolder))
            {
                throw Invalid(ErrorIds.KernelsFolderInvalid, change.KernelsFolder!, $"-KernelsFolder '{change.KernelsFolder}' is not an absolute folder path. Give one such as /usr/local/share/jupyter/kernels, or '' for <root>/jupyter/kernels.");
            }

            if (!string.IsNullOrEmpty(change.IndexUrl))
            {
                RequireUrl(change.IndexUrl!, "-IndexUrl");
            }

            foreach (var url in change.ExtraIndexUrls ?? Array.Empty<string>())
            {
                RequireUrl(url, "-ExtraIndexUrl");
            }

            foreach (var link in change.FindLinks ?? Array.Empty<string>())
            {
                if (!IsUrl(link) && !Path.IsPathRooted(link))
                {
                    throw Invalid(ErrorIds.FindLinksInvalid, link, $"-FindLinks '{link}' is neither a URL nor an absolute folder path. Give https://host/path or a full path such as /srv/wheels.");
                }
            }

            foreach (var host in change.TrustedHosts ?? Array.Empty<string>())
            {
                if (!HostName.IsMatch(host))
                {
                    throw Invalid(ErrorIds.TrustedHostInvalid, host, $"-TrustedHost '{host}' is not a host name (with an optional :port), such as pypi.internal or pypi.internal:8443.");
                }
            }

            foreach (var license in change.AllowedLicenses ?? Array.Empty<string>())
            {
                // One license an entry: an expression would make the list a rule of its own, which no reader could follow.
                if (Licenses.LicenseExpression.TryParse(license, out var parsed) && parsed!.Terms.Count > 1)
                {
                    throw Invalid(ErrorIds.AllowedLicenseInvalid, license, $"-AllowedLicense '{license}' names {parsed.Terms.Count} licenses; give each as an entry of its own ('{string.Join("', '", parsed.Terms)}'): a distribution whose License-Expression joins them with OR needs one of them, with AND all of them.");
                }
            }

            if (change.BasePackages != null)
            {
                // Base lines are set by administrators, so options are allowed; they must still be valid lines.
                var parsed = RequirementsParser.Parse(change.BasePackages, AnyRequirementLine.Instance);
                var duplicate = parsed.Where(r => !r.IsOptionLine && r.Marker == null).GroupBy(r => r.NormalizedName).FirstOrDefault(g => g.Count() > 1);
                if (duplicate != null)
                {
                    throw Invalid(ErrorIds.RequirementDuplicated, duplicate.Key!, $"'{duplicate.First().Name}' is given twice in -BasePackage; keep one line per package.");
                }
            }
        }

        private static void RequireUrl(string url, string parameter)
        {
            if (!IsUrl(url))
            {
                throw Invalid(ErrorIds.PackageSourceUrlInvalid, url, $"{parameter} '{url}' is not an http, https or file URL, such as https://pypi.internal/simple.");
            }
        }

        private static bool IsUrl(string text) =>
            Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeFile) && text.Contains("://");

        private static CodeEnvException Invalid(ErrorId id, string target, string message) => new CodeEnvException(id, message, target);
    }
}
