using System.Collections.Generic;

namespace CodeEnv.Requirements
{
    /// <summary>One requirement of a requirements.txt, parsed: what pip would be asked to install for this line.</summary>
    public sealed class Requirement
    {
        public Requirement(int lineNumber, string line, string? name, IReadOnlyList<string> extras, SpecifierSet specifier, string? url, Marker? marker, IReadOnlyList<string> options)
        {
            LineNumber = lineNumber;
            Line = line;
            Name = name;
            Extras = extras;
            Specifier = specifier;
            Url = url;
            Marker = marker;
            Options = options;
        }

        public int LineNumber { get; }

        /// <summary>The logical line as written (continuations joined, comment removed).</summary>
        public string Line { get; }

        /// <summary>The name as written; null only for an option line.</summary>
        public string? Name { get; }

        /// <summary>The PEP 503 name pip compares: scikit-learn for Scikit_Learn.</summary>
        public string? NormalizedName => Name == null ? null : PackageName.Normalize(Name);

        public IReadOnlyList<string> Extras { get; }

        public SpecifierSet Specifier { get; }

        /// <summary>A direct reference: name @ URL, an archive URL or a local path.</summary>
        public string? Url { get; }

        public Marker? Marker { get; }

        /// <summary>Options on this line: --hash=... for a requirement, or the option itself for an option line.</summary>
        public IReadOnlyList<string> Options { get; }

        public bool IsOptionLine => Name == null;

        /// <summary>What the line is: a requirement, a pip option line, or an include of another file (-r, -c).</summary>
        public RequirementLineKind Kind { get; internal set; }

        public override string ToString() => Line;
    }

    /// <summary>The kinds of line a requirements list holds.</summary>
    public enum RequirementLineKind
    {
        /// <summary>A package, with its extras, specifier, URL, marker and per-requirement options.</summary>
        Requirement,
        /// <summary>A line of pip options only (such as --pre or --index-url).</summary>
        Option,
        /// <summary>A line that includes another file (-r, -c), whose lines nobody validated here.</summary>
        Include,
    }
}
