using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Store
{
    /// <summary>
    /// What one kind of JSON file is: its current schema version, how an error names it, and the steps that bring
    /// an older file up to date. Step <c>i</c> turns version <c>i + 1</c> into version <c>i + 2</c>.
    /// </summary>
    internal sealed class DocumentSchema
    {
        private readonly IReadOnlyList<Action<JObject>> upgrades;

        public DocumentSchema(string what, string idPrefix, params Action<JObject>[] upgrades)
        {
            What = what;
            IdPrefix = idPrefix;
            this.upgrades = upgrades;
        }

        public string What { get; }

        public string IdPrefix { get; }

        public int Current => upgrades.Count + 1;

        /// <summary>Brings <paramref name="document"/> from <paramref name="version"/> to <see cref="Current"/>, in place.</summary>
        public void Upgrade(JObject document, int version)
        {
            for (var from = version; from < Current; from++)
            {
                upgrades[from - 1](document);
                document["schemaVersion"] = from + 1;
            }
        }
    }
}
