using System.Collections.Generic;

namespace CodeEnv.Python
{
    /// <summary>What a venv's own pip says it installs: its version, and the wheel tags it accepts, most preferred first.</summary>
    public sealed class SupportedTagsReport
    {
        public SupportedTagsReport(string pipVersion, IReadOnlyList<string> tags)
        {
            PipVersion = pipVersion;
            Tags = tags;
        }

        /// <summary>The version of the venv's pip, as pip.__version__ gives it.</summary>
        public string PipVersion { get; }

        /// <summary>Tags such as <c>cp312-cp312-manylinux_2_17_x86_64</c>, in pip's order of preference: a wheel's best tag is its rank.</summary>
        public IReadOnlyList<string> Tags { get; }
    }
}
