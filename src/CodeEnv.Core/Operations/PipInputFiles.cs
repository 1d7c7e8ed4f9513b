using System.Collections.Generic;
using System.IO;

namespace CodeEnv.Operations
{
    /// <summary>The requirements and constraints files pip is given, kept beside the operation's log for whoever reads it later.</summary>
    internal static class PipInputFiles
    {
        /// <summary>Writes <paramref name="lines"/> (and the constraints, when there are any) beside <paramref name="log"/>; gives their paths.</summary>
        public static (string Requirements, string? Constraints) Write(OperationLog log, IReadOnlyList<string> lines, IReadOnlyList<string> constraints)
        {
            var requirementsFile = Path.ChangeExtension(log.Path, ".requirements.txt");
            File.WriteAllLines(requirementsFile, lines);
            string? constraintsFile = null;
            if (constraints.Count > 0)
            {
                constraintsFile = Path.ChangeExtension(log.Path, ".constraints.txt");
                File.WriteAllLines(constraintsFile, constraints);
            }

            return (requirementsFile, constraintsFile);
        }
    }
}
