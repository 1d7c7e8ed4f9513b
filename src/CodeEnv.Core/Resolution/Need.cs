using System.Collections.Generic;
using System.Linq;
using CodeEnv.Requirements;

namespace CodeEnv.Resolution
{
    /// <summary>A requirement as pip's resolver holds one: a name (with extras) and versions, or exactly one candidate.</summary>
    internal abstract class Need
    {
        public abstract string Project { get; }

        public abstract string Identifier { get; }

        /// <summary>pip's is_satisfied_by: a version in range (pre-releases included: the finder already kept them out), or the very candidate.</summary>
        public abstract bool IsSatisfiedBy(Pick pick);
    }

    /// <summary><c>name[extras] specifier</c>, from a line or a Requires-Dist.</summary>
    internal sealed class SpecifierNeed : Need
    {
        public SpecifierNeed(string project, IReadOnlyList<string> extras, SpecifierSet specifier, string text)
        {
            Project = project;
            Extras = extras;
            Specifier = specifier;
            Text = text;
        }

        public override string Project { get; }

        /// <summary>Normalized, sorted.</summary>
        public IReadOnlyList<string> Extras { get; }

        public SpecifierSet Specifier { get; }

        /// <summary>The requirement as written, for messages.</summary>
        public string Text { get; }

        public override string Identifier => Pick.IdentifierOf(Project, Extras);

        public override bool IsSatisfiedBy(Pick pick) => Specifier.Contains(pick.Version);

        public override string ToString() => Text;
    }

    /// <summary>Exactly this candidate: what an extras pick requires of its base.</summary>
    internal sealed class ExactNeed : Need
    {
        public ExactNeed(Pick pick)
        {
            Pick = pick;
        }

        public Pick Pick { get; }

        public override string Project => Pick.Project;

        public override string Identifier => Pick.Identifier;

        public override bool IsSatisfiedBy(Pick pick) => ReferenceEquals(pick, Pick);

        public override string ToString() => $"{Pick.Project}=={Pick.Version}";
    }
}
