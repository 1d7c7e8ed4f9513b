using CodeEnv.Requirements;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// One distribution file a source offers for a project, with what its page or folder says of it: the candidates pip
    /// chooses among. Created by <see cref="CandidateFinder"/>, which has already dropped what pip drops (another project's
    /// files, wheels whose tags do not install here, files whose Requires-Python excludes the interpreter).
    /// </summary>
    public sealed class CandidateFile
    {
        internal CandidateFile(string project, PackageVersion version, string fileName, string url, string? localPath, CandidateWheelName? wheel, int? tagRank, string? sha256, string? requiresPython, string? yankedReason, bool hasCoreMetadata, string? coreMetadataSha256)
        {
            Project = project;
            Version = version;
            FileName = fileName;
            Url = url;
            LocalPath = localPath;
            Wheel = wheel;
            TagRank = tagRank;
            Sha256 = sha256;
            RequiresPython = requiresPython;
            YankedReason = yankedReason;
            HasCoreMetadata = hasCoreMetadata;
            CoreMetadataSha256 = coreMetadataSha256;
        }

        /// <summary>The project's PEP 503 name.</summary>
        public string Project { get; }

        public PackageVersion Version { get; }

        public string FileName { get; }

        /// <summary>Where the file is: an http(s) URL, or a file: URL for a local one (then <see cref="LocalPath"/> is set).</summary>
        public string Url { get; }

        /// <summary>The file's path when it is on this machine (a find-links folder, the wheelhouse).</summary>
        public string? LocalPath { get; }

        /// <summary>Its wheel name; null for an sdist.</summary>
        public CandidateWheelName? Wheel { get; }

        public bool IsWheel => Wheel != null;

        /// <summary>The rank of its best supported tag (0 is best); null for an sdist.</summary>
        public int? TagRank { get; }

        /// <summary>The sha256 its page gave (a #sha256= fragment or the JSON hashes), lower-case hex; null when none did.</summary>
        public string? Sha256 { get; }

        /// <summary>The page's data-requires-python (or JSON requires-python), as written.</summary>
        public string? RequiresPython { get; }

        /// <summary>Null for a file not yanked; the reason (possibly empty) for a yanked one (PEP 592).</summary>
        public string? YankedReason { get; }

        public bool IsYanked => YankedReason != null;

        /// <summary>Whether the page says its core metadata is served beside it, at <c>Url + ".metadata"</c> (PEP 658/714).</summary>
        public bool HasCoreMetadata { get; }

        /// <summary>The sha256 of that metadata file, when the page gave it.</summary>
        public string? CoreMetadataSha256 { get; }

        public override string ToString() => FileName;
    }
}
