using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace CodeEnv
{
    /// <summary>
    /// A list on an object cmdlets emit (RequestedPackages, Administrators, Problems, ...): a real read-only list for
    /// scripts (indexing, foreach, -contains, a JSON array with ConvertTo-Json) whose text is its items joined by ", ",
    /// so that Export-Csv and ToString() write "tabulate, six" where an array would write "System.String[]".
    /// </summary>
    public sealed class ItemList<T> : ReadOnlyCollection<T>
    {
        /// <summary>A copy of <paramref name="items"/>. Json.NET also reads a served root's answer through it.</summary>
        public ItemList(IEnumerable<T> items)
            : base(new List<T>(items))
        {
        }

        /// <summary>The count, as <c>Length</c> was on the arrays these lists replace, so scripts that read it keep working.</summary>
        public int Length => Count;

        public override string ToString() => string.Join(", ", this);
    }
}
