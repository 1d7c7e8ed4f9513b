using System.Collections.Generic;
using System.Linq;
using CodeEnv.Requirements;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// A candidate of the resolver, as pip's resolver models them: a distribution file with its metadata, a distribution
    /// already installed, or one of those with extras (<c>pkg[x]</c>, a node of its own that depends on exactly its base).
    /// The resolver makes each once, so two picks are the same candidate exactly when they are the same object.
    /// </summary>
    internal abstract class Pick
    {
        /// <summary>The project's PEP 503 name.</summary>
        public abstract string Project { get; }

        /// <summary>The resolver's name for it: the project, with its extras for an extras pick (<c>pkg[a,b]</c>).</summary>
        public virtual string Identifier => Project;

        public abstract PackageVersion Version { get; }

        public override string ToString() => $"{Identifier} {Version}";

        public static string IdentifierOf(string project, IReadOnlyCollection<string> extras) =>
            extras.Count == 0 ? project : $"{project}[{string.Join(",", extras)}]";
    }

    /// <summary>A file a source offers, with the metadata read for it.</summary>
    internal sealed class FilePick : Pick
    {
        public FilePick(CandidateFile file, CoreMetadata metadata)
        {
            File = file;
            Metadata = metadata;
        }

        public CandidateFile File { get; }

        public CoreMetadata Metadata { get; }

        public override string Project => File.Project;

        public override PackageVersion Version => File.Version;
    }

    /// <summary>A distribution the env already has, which pip keeps while it satisfies.</summary>
    internal sealed class InstalledPick : Pick
    {
        public InstalledPick(CurrentDistribution distribution, PackageVersion version)
        {
            Distribution = distribution;
            Version = version;
        }

        public CurrentDistribution Distribution { get; }

        public override string Project => PackageName.Normalize(Distribution.Name);

        public override PackageVersion Version { get; }
    }

    /// <summary><c>pkg[x]</c>: the base pick with extras, whose dependencies are exactly that base and what the extras add.</summary>
    internal sealed class ExtrasPick : Pick
    {
        public ExtrasPick(Pick basePick, IReadOnlyList<string> extras)
        {
            Base = basePick;
            Extras = extras;
        }

        public Pick Base { get; }

        /// <summary>Normalized, sorted.</summary>
        public IReadOnlyList<string> Extras { get; }

        public override string Project => Base.Project;

        public override string Identifier => IdentifierOf(Project, Extras);

        public override PackageVersion Version => Base.Version;

        /// <summary>The extras the base says it provides (all asked for, where an installed base does not say).</summary>
        public IReadOnlyList<string> ValidExtras
        {
            get
            {
                var provided = Base is FilePick file ? file.Metadata.ProvidesExtra : (Base as InstalledPick)?.Distribution.ProvidesExtras;
                return provided == null ? Extras : Extras.Where(e => provided.Select(PackageName.Normalize).Contains(e)).ToList();
            }
        }
    }
}
