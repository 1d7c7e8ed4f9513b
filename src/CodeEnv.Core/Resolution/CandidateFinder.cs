using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Requirements;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// The files a project's sources offer, found and filtered as pip's PackageFinder finds them: the archives of local
    /// find-links folders (matched to the project by their names) and local archive files, sorted by URL from last to
    /// first, then the links of find-links pages and of each index's project page, in the order of the sources. A link pip
    /// would skip is skipped here too: another project's file, a format pip does not read, a wheel whose tags do not
    /// install on this interpreter, a file whose page says it requires another Python. The order matters only among files
    /// pip ranks alike, and there it is pip's: the last one found wins. The root's rules narrow the sources first: a name an
    /// index rule pins is looked for on its index only, and under FirstIndex no index after the first that lists a name is read.
    /// </summary>
    public sealed class CandidateFinder
    {
        private static readonly string[] ArchiveExtensions = { ".zip", ".whl", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma", ".tar.gz", ".tgz", ".tar" };
        private static readonly Regex PythonSuffix = new Regex(@"-py([123]\.?[0-9]?)$", RegexOptions.CultureInvariant);
        private static readonly Regex WheelNamePart = new Regex(@"^[\w\d._]*$", RegexOptions.CultureInvariant);
        private static readonly Regex BuildTag = new Regex(@"^\d+", RegexOptions.CultureInvariant);

        private readonly CandidateSources sources;
        private readonly IUrlFetcher fetcher;
        private readonly SupportedTags tags;
        private readonly PackageVersion pythonVersion;
        private readonly string pythonMajorMinor;
        private readonly ConcurrentDictionary<string, IReadOnlyList<CandidateFile>> projects = new ConcurrentDictionary<string, IReadOnlyList<CandidateFile>>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, IReadOnlyList<IndexLink>> findLinksPages = new ConcurrentDictionary<string, IReadOnlyList<IndexLink>>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Dictionary<string, List<string>>> folders = new ConcurrentDictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);

        /// <param name="pythonVersion">The interpreter's full version (python_full_version), which Requires-Python is matched against.</param>
        public CandidateFinder(CandidateSources sources, IUrlFetcher fetcher, SupportedTags tags, PackageVersion pythonVersion)
        {
            this.sources = sources;
            this.fetcher = fetcher;
            this.tags = tags;
            this.pythonVersion = pythonVersion;
            pythonMajorMinor = string.Join(".", pythonVersion.Release.Take(2));
        }

        /// <summary>The project's installable files in pip's order of discovery; each source is read once per finder.</summary>
        /// <exception cref="PipMustDecideException">A source could not be read, or holds what only pip reads (an HTML page in a folder, a local index).</exception>
        public async Task<IReadOnlyList<CandidateFile>> FindAsync(string project, CancellationToken cancellation)
        {
            var name = PackageName.Normalize(project);
            if (projects.TryGetValue(name, out var known))
            {
                return known;
            }

            var files = new List<(string Url, string? Path)>();
            var pages = new List<(Uri Url, bool SharedPage)>();
            var (findLinks, indexes) = sources.For(name);
            foreach (var link in findLinks.Distinct(StringComparer.Ordinal))
            {
                if (link.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
                {
                    AddLocal(new Uri(link).LocalPath, name, files);
                }
                else if (PackageSources.IsUrl(link))
                {
                    var url = new Uri(link);
                    if (IsArchive(Uri.UnescapeDataString(url.AbsolutePath)))
                    {
                        files.Add((new UriBuilder(url) { UserName = "", Password = "" }.Uri.AbsoluteUri, null));
                    }
                    else if (IsSecureOrigin(url))
                    {
                        pages.Add((url, true));
                    }
                }
                else
                {
                    AddLocal(link, name, files);
                }
            }

            foreach (var index in indexes.Distinct(StringComparer.Ordinal))
            {
                if (!PackageSources.IsUrl(index) || index.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
                {
                    throw new PipMustDecideException($"the index '{index}' is a local folder, which CodeEnv does not read: pip decides");
                }

                var page = ProjectPage(index, name);
                if (IsSecureOrigin(page))
                {
                    pages.Add((page, false));
                }
            }

            // pip: local files first, sorted by URL in reverse; then each page's links in the order of the sources.
            var candidates = new List<CandidateFile>();
            var fileLinks = files.Select(f => f.Path == null ? (f.Url, (string?)null) : (FileUrl(f.Path), f.Path)).OrderByDescending(f => f.Item1, StringComparer.Ordinal);
            candidates.AddRange(Evaluate(name, fileLinks.Select(f => (f.Item1, Uri.UnescapeDataString(LastSegment(f.Item1)), f.Item2, (IndexLink?)null))));
            var indexListed = false;
            foreach (var (url, shared) in pages)
            {
                // FirstIndex: the indexes after the first that lists the name are not read, so none can outbid it.
                if (!shared && indexListed && sources.Strategy == IndexStrategy.FirstIndex)
                {
                    break;
                }

                var links = shared
                    ? findLinksPages.TryGetValue(url.AbsoluteUri, out var read) ? read : findLinksPages[url.AbsoluteUri] = await ReadPageAsync(url, cancellation).ConfigureAwait(false)
                    : await ReadPageAsync(url, cancellation).ConfigureAwait(false);
                indexListed |= !shared && links.Count > 0;
                candidates.AddRange(Evaluate(name, links.Select(l => (l.Url.AbsoluteUri, l.FileName, (string?)null, (IndexLink?)l))));
            }

            return projects[name] = candidates;
        }

        /// <summary>The URL of a project's page on a simple index, as pip asks for it.</summary>
        internal static Uri ProjectPage(string index, string normalizedName) => new Uri(index.TrimEnd('/') + "/" + Uri.EscapeDataString(normalizedName) + "/");

        private async Task<IReadOnlyList<IndexLink>> ReadPageAsync(Uri url, CancellationToken cancellation)
        {
            var page = await fetcher.GetAsync(url, IndexPage.Accept, cancellation).ConfigureAwait(false);
            return page == null ? Array.Empty<IndexLink>() : IndexPage.Parse(page);
        }

        // A local find-links entry: a folder's archives of this project (pip groups them by the name in the file name), or one archive file.
        private void AddLocal(string path, string name, List<(string Url, string? Path)> files)
        {
            if (Directory.Exists(path))
            {
                var byProject = folders.GetOrAdd(Path.GetFullPath(path), ScanFolder);
                if (byProject.TryGetValue(name, out var archives))
                {
                    files.AddRange(archives.Select(a => (FileUrl(a), (string?)a)));
                }
            }
            else if (File.Exists(path))
            {
                if (IsHtml(path))
                {
                    throw new PipMustDecideException($"the find-links entry '{path}' is an HTML page on disk, which CodeEnv does not read: pip decides");
                }

                files.Add((FileUrl(path), Path.GetFullPath(path)));
            }
        }

        private static Dictionary<string, List<string>> ScanFolder(string folder)
        {
            var byProject = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
            {
                var fileName = Path.GetFileName(entry);
                if (IsHtml(fileName))
                {
                    throw new PipMustDecideException($"the find-links folder '{folder}' holds an HTML page ({fileName}), whose links pip reads and CodeEnv does not: pip decides");
                }

                var project = ProjectOfArchive(fileName);
                if (project != null)
                {
                    if (!byProject.TryGetValue(project, out var list))
                    {
                        byProject[project] = list = new List<string>();
                    }

                    list.Add(entry);
                }
            }

            return byProject;
        }

        // The project a file in a find-links folder belongs to, as packaging's parse_wheel_filename and
        // parse_sdist_filename strictly read it; null for a file pip passes over.
        private static string? ProjectOfArchive(string fileName)
        {
            if (fileName.EndsWith(".whl", StringComparison.Ordinal))
            {
                var stem = fileName.Substring(0, fileName.Length - 4);
                var dashes = stem.Count(c => c == '-');
                if (dashes != 4 && dashes != 5)
                {
                    return null;
                }

                var parts = stem.Split('-');
                var valid = !parts[0].Contains("__") && WheelNamePart.IsMatch(parts[0]) && PackageVersion.TryParse(parts[1], out _)
                    && (dashes == 4 || BuildTag.IsMatch(parts[2]));
                return valid ? PackageName.Normalize(parts[0]) : null;
            }

            var sdistStem = fileName.EndsWith(".tar.gz", StringComparison.Ordinal) ? fileName.Substring(0, fileName.Length - 7)
                : fileName.EndsWith(".zip", StringComparison.Ordinal) ? fileName.Substring(0, fileName.Length - 4) : null;
            var dash = sdistStem?.LastIndexOf('-') ?? -1;
            return dash >= 0 && PackageVersion.TryParse(sdistStem!.Substring(dash + 1), out _) ? PackageName.Normalize(sdistStem.Substring(0, dash)) : null;
        }

        // pip's LinkEvaluator, link by link; duplicates dropped (the first kept).
        private IEnumerable<CandidateFile> Evaluate(string name, IEnumerable<(string Url, string FileName, string? LocalPath, IndexLink? Link)> links)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var link in links)
            {
                var candidate = seen.Add(link.Url) ? Candidate(name, link.Url, link.FileName, link.LocalPath, link.Link) : null;
                if (candidate != null)
                {
                    yield return candidate;
                }
            }
        }

        private CandidateFile? Candidate(string name, string url, string fileName, string? localPath, IndexLink? link)
        {
            if (url.IndexOf("#egg=", StringComparison.Ordinal) >= 0 || url.IndexOf("&egg=", StringComparison.Ordinal) >= 0)
            {
                throw new PipMustDecideException($"a link for {name} names its project with #egg= ({url}): pip decides");
            }

            var extension = ArchiveExtensions.FirstOrDefault(e => fileName.EndsWith(e, StringComparison.Ordinal) && fileName.Length > e.Length);
            if (extension == null || (extension == ".zip" && url.Contains("macosx10")))
            {
                return null;
            }

            string? versionText;
            CandidateWheelName? wheel = null;
            int? rank = null;
            if (extension == ".whl")
            {
                if (!CandidateWheelName.TryParse(fileName, out wheel) || PackageName.Normalize(wheel!.Name) != name || (rank = tags.RankOf(wheel.Tags)) == null)
                {
                    return null;
                }

                versionText = wheel.Version;
            }
            else
            {
                versionText = VersionAfterName(fileName.Substring(0, fileName.Length - extension.Length), name);
            }

            var suffix = versionText == null ? null : PythonSuffix.Match(versionText);
            if (suffix != null && suffix.Success)
            {
                if (suffix.Groups[1].Value != pythonMajorMinor)
                {
                    return null;
                }

                versionText = versionText!.Substring(0, suffix.Index);
            }

            if (string.IsNullOrEmpty(versionText) || !RequiresPythonAllows(link?.RequiresPython) || !PackageVersion.TryParse(versionText, out var version))
            {
                return null;
            }

            return new CandidateFile(name, version!, fileName, url, localPath, wheel, rank, link?.Sha256, link?.RequiresPython, link?.YankedReason, link?.HasCoreMetadata ?? false, link?.CoreMetadataSha256);
        }

        private static string LastSegment(string url)
        {
            var path = url.Split('#', '?')[0].TrimEnd('/');
            return path.Substring(path.LastIndexOf('/') + 1);
        }

        /// <summary>Whether a Requires-Python (a page's or a distribution's) admits the interpreter; one that does not parse is ignored, as pip ignores it.</summary>
        internal bool RequiresPythonAllows(string? requiresPython) =>
            string.IsNullOrWhiteSpace(requiresPython) || !SpecifierSet.TryParse(requiresPython!, out var specifier, out _) || specifier!.Contains(pythonVersion);

        // pip's _extract_version_from_fragment: the name ends at the first '-' before which the text is the project's name.
        private static string? VersionAfterName(string stem, string name)
        {
            for (var i = 0; i < stem.Length; i++)
            {
                if (stem[i] == '-' && PackageName.Normalize(stem.Substring(0, i)) == name)
                {
                    return stem.Length > i + 1 ? stem.Substring(i + 1) : null;
                }
            }

            return null;
        }

        private static bool IsArchive(string path) => ArchiveExtensions.Any(e => path.EndsWith(e, StringComparison.Ordinal));

        private static bool IsHtml(string path) => path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

        // pip reads pages only from https, loopback or a trusted host; another page it passes over with a warning.
        private bool IsSecureOrigin(Uri url) =>
            url.Scheme == Uri.UriSchemeHttps || url.IsLoopback
            || sources.TrustedHosts.Any(h => string.Equals(h, url.Host, StringComparison.OrdinalIgnoreCase) || string.Equals(h, url.Host + ":" + url.Port, StringComparison.OrdinalIgnoreCase));

        // pip's path_to_url: file: and the absolute path, each byte but letters, digits and _.-~/ percent-encoded.
        private static string FileUrl(string path)
        {
            var full = Path.GetFullPath(path).Replace('\\', '/');
            var url = new StringBuilder("file://");
            if (!full.StartsWith("/", StringComparison.Ordinal))
            {
                url.Append('/');
            }

            foreach (var b in Encoding.UTF8.GetBytes(full))
            {
                var c = (char)b;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.-~/".IndexOf(c) >= 0)
                {
                    url.Append(c);
                }
                else
                {
                    url.Append('%').Append(((int)b).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return url.ToString();
        }
    }
}
