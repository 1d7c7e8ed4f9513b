using System.Collections.Generic;
using CodeEnv.Errors;

namespace CodeEnv
{
    /// <summary>One env of an audit: its findings, or the error auditing it gave (an env the caller may not use, one that cannot be read).</summary>
    public sealed class AuditResult
    {
        public string Name { get; set; } = "";

        public List<VulnerabilityFinding> Findings { get; set; } = new List<VulnerabilityFinding>();

        public ErrorData? Error { get; set; }
    }
}
