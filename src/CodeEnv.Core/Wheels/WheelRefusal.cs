using CodeEnv.Errors;

namespace CodeEnv.Wheels
{
    /// <summary>The one wording of a wheel the store will not use: which wheel, what is wrong with it, and what to do.</summary>
    internal static class WheelRefusal
    {
        /// <summary>Whether <paramref name="e"/> is the store refusing a wheel (damaged, malformed, writing outside its scheme): pip installs such a set.</summary>
        public static bool IsRefusal(CodeEnvException e) =>
            e.ErrorId == ErrorIds.WheelRecordMismatch.Id || e.ErrorId == ErrorIds.WheelInvalid.Id || e.ErrorId == ErrorIds.WheelPathUnsafe.Id;

        public static CodeEnvException Of(ErrorId error, string fileName, string sha256, string why) =>
            new CodeEnvException(error, $"The wheel '{fileName}' (sha256 {sha256}) cannot be installed: {why}. {Advice(error)}", fileName);

        private static string Advice(ErrorId error) =>
            error == ErrorIds.WheelRecordMismatch ? "The archive is damaged or was changed after it was built; download or build it again."
            : error == ErrorIds.WheelPathUnsafe ? "A wheel may only write inside the folders of its install scheme; ask the project for a wheel built by a standard tool."
            : "Build the wheel again with a standard tool (python -m build) or download it again.";
    }
}
