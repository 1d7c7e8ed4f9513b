using System;
using System.Text.RegularExpressions;
using Newtonsoft.Json;

namespace CodeEnv
{
    /// <summary>
    /// A Python interpreter's version as cmdlets emit it (Get-CodeEnvPython's Version, Get-CodeEnv's PythonVersion):
    /// it sorts as a version (3.9 before 3.10, 3.14.0a1 before 3.14.0), prints and exports to CSV as the text Python
    /// reports (3.11.7, 3.14.0a1), compares with <c>-eq</c>, <c>-like</c> and <c>-replace</c> as that text, with
    /// <c>-gt</c>/<c>-lt</c> as a version, and converts to JSON as the parts Python's sys.version_info names.
    /// </summary>
    [JsonConverter(typeof(InterpreterVersionJsonConverter))]
    public sealed class InterpreterVersion : IComparable<InterpreterVersion>, IComparable, IEquatable<InterpreterVersion>
    {
        // What platform.python_version() prints: 3.11.7, 3.14.0a1, 3.13.0rc2, and 3.14.0a1+ for a build from a source
        // tree past that tag; pyvenv.cfg files written by virtualenv spell the level out (3.11.7.final.0).
        private static readonly Regex Pattern = new Regex(
            @"^(?<major>\d{1,9})\.(?<minor>\d{1,9})(?:\.(?<micro>\d{1,9}))?"
            + @"(?:(?<level>a|b|rc)(?<serial>\d{1,9})|\.(?<level>alpha|beta|candidate|final)\.(?<serial>\d{1,9}))?(?<dev>\+)?$",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

        private static readonly string[] Levels = { "alpha", "beta", "candidate", "final" };

        private readonly string text;
        private readonly bool isVersion;
        private readonly int levelRank;
        private readonly bool pastTag;

        private InterpreterVersion(string text)
        {
            this.text = text;
            var match = Pattern.Match(text.Trim());
            isVersion = match.Success;
            levelRank = Levels.Length - 1;
            if (!isVersion)
            {
                return;
            }

            Major = int.Parse(match.Groups["major"].Value);
            Minor = int.Parse(match.Groups["minor"].Value);
            Micro = match.Groups["micro"].Success ? int.Parse(match.Groups["micro"].Value) : 0;
            if (match.Groups["level"].Success)
            {
                var level = match.Groups["level"].Value;
                levelRank = level == "a" || level == "alpha" ? 0 : level == "b" || level == "beta" ? 1 : level == "rc" || level == "candidate" ? 2 : 3;
                Serial = int.Parse(match.Groups["serial"].Value);
            }

            pastTag = match.Groups["dev"].Success;
        }

        public int Major { get; }

        public int Minor { get; }

        public int Micro { get; }

        /// <summary>alpha, beta, candidate or final, as sys.version_info.releaselevel says.</summary>
        public string ReleaseLevel => Levels[levelRank];

        /// <summary>The number of the alpha, beta or candidate (1 in 3.14.0a1); 0 for a final release.</summary>
        public int Serial { get; }

        /// <summary>
        /// The version of <paramref name="text"/>. Never fails: a text that is not a Python version (a hand-edited
        /// pyvenv.cfg) keeps its text, has no parts and sorts before every version, so one odd env cannot break a listing.
        /// </summary>
        public static InterpreterVersion Parse(string text) => new InterpreterVersion(text ?? "");

        public int CompareTo(InterpreterVersion? other)
        {
            if (other is null)
            {
                return 1;
            }

            var order = isVersion.CompareTo(other.isVersion);
            if (order == 0 && isVersion)
            {
                order = Major.CompareTo(other.Major);
                order = order != 0 ? order : Minor.CompareTo(other.Minor);
                order = order != 0 ? order : Micro.CompareTo(other.Micro);
                order = order != 0 ? order : levelRank.CompareTo(other.levelRank);
                order = order != 0 ? order : Serial.CompareTo(other.Serial);
                order = order != 0 ? order : pastTag.CompareTo(other.pastTag);
            }

            // Equal parts written differently (3.11 and 3.11.0) still order one way, so that equality is the text's.
            return order != 0 ? order : string.CompareOrdinal(text, other.text);
        }

        /// <summary>PowerShell's <c>-gt</c>, <c>-lt</c> and Sort-Object compare through this, with a string on the right converted by <see cref="Parse"/>.</summary>
        public int CompareTo(object? obj) => obj switch
        {
            null => 1,
            InterpreterVersion version => CompareTo(version),
            string other => CompareTo(Parse(other)),
            _ => throw new ArgumentException($"A Python version compares with a version or its text, not with {obj.GetType().Name}.", nameof(obj)),
        };

        public bool Equals(InterpreterVersion? other) => other is not null && string.Equals(text, other.text, StringComparison.Ordinal);

        /// <summary>Equal when the texts are: PowerShell's <c>-eq '3.11.7'</c> converts the string by <see cref="Parse"/> first.</summary>
        public override bool Equals(object? obj) => obj is InterpreterVersion other && Equals(other);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(text);

        public override string ToString() => text;
    }
}
