using System;

namespace CodeEnv
{
    /// <summary>A document kept with every earlier revision (an env's definition, a root's settings).</summary>
    internal interface IRevisionedDocument
    {
        int SchemaVersion { get; set; }

        int Revision { get; set; }

        string UpdatedBy { get; set; }

        DateTimeOffset UpdatedAt { get; set; }
    }
}
