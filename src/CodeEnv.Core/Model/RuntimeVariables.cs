using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace CodeEnv
{
    /// <summary>
    /// An env's environment variables as cmdlets show them (<c>$env.EnvironmentVariables['HF_HOME']</c>): a read-only
    /// dictionary whose text is its names, as Export-Csv writes it. A secret variable's value is never in it.
    /// </summary>
    public sealed class RuntimeVariables : ReadOnlyDictionary<string, string>
    {
        /// <summary>A copy of <paramref name="variables"/>. Json.NET also reads a served root's answer through it.</summary>
        public RuntimeVariables(IDictionary<string, string> variables)
            : base(new SortedDictionary<string, string>(variables, StringComparer.Ordinal))
        {
        }

        public override string ToString() => string.Join(", ", Keys.Select(k => k + "=" + this[k]));
    }
}
