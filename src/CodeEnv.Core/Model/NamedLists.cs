using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace CodeEnv
{
    /// <summary>
    /// Lists by name, such as the root's package sets: a read-only dictionary for scripts (<c>$root.PackageSets['Visual
    /// Machine Learning']</c>, <c>.Keys</c>, a JSON object) whose names compare regardless of letter case and whose text
    /// is the names joined by ", ", as Export-Csv writes it.
    /// </summary>
    public sealed class NamedLists : ReadOnlyDictionary<string, ItemList<string>>
    {
        /// <summary>A copy of <paramref name="lists"/>. Json.NET also reads a served root's answer through it.</summary>
        public NamedLists(IDictionary<string, ItemList<string>> lists)
            : base(new Dictionary<string, ItemList<string>>(lists, StringComparer.OrdinalIgnoreCase))
        {
        }

        public override string ToString() => string.Join(", ", Keys);

        internal static NamedLists Of(IDictionary<string, List<string>> lists) =>
            new NamedLists(lists.ToDictionary(p => p.Key, p => new ItemList<string>(p.Value)));
    }
}
