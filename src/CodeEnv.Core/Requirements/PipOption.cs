namespace CodeEnv.Requirements
{
    /// <summary>What an option of a requirements file does, which decides who may write it.</summary>
    public enum PipOptionPurpose
    {
        /// <summary>Changes only which releases pip prefers (--pre, --prefer-binary, --only-binary, --no-binary, --require-hashes).</summary>
        Selection,

        /// <summary>Pins a requirement to an archive digest (--hash, after a requirement only).</summary>
        Hash,

        /// <summary>Changes where packages come from (-i, --extra-index-url, -f, --trusted-host, --no-index).</summary>
        PackageSource,

        /// <summary>Reads another file (-r, -c), whose lines nobody validated.</summary>
        Include,

        /// <summary>Installs editable code from a path or repository (-e).</summary>
        Editable,

        /// <summary>Passes options to package build scripts (--global-option, --config-settings).</summary>
        BuildHook,

        /// <summary>Changes how pip itself behaves (--use-feature).</summary>
        PipBehaviour,
    }

    /// <summary>One option pip accepts in a requirements file, as its line parser (optparse) declares it.</summary>
    public sealed class PipOption
    {
        public PipOption(string longName, char? shortName, bool takesValue, PipOptionPurpose purpose, bool afterRequirement = false)
        {
            LongName = longName;
            ShortName = shortName;
            TakesValue = takesValue;
            Purpose = purpose;
            AfterRequirement = afterRequirement;
        }

        public string LongName { get; }

        public char? ShortName { get; }

        public bool TakesValue { get; }

        public PipOptionPurpose Purpose { get; }

        /// <summary>Whether pip takes it after a requirement on the same line (SUPPORTED_OPTIONS_REQ), not only alone.</summary>
        public bool AfterRequirement { get; }

        public override string ToString() => LongName;
    }
}
