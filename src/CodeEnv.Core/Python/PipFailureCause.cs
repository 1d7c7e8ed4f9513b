using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CodeEnv.Python
{
    /// <summary>
    /// The lines of a failed pip (or venv) run that say why it failed, and a hint where CodeEnv knows the fix: what the
    /// error and the env's StateDetail quote. The log keeps everything else.
    /// </summary>
    /// <remarks>
    /// pip writes its errors to stderr and its progress ("Requirement already satisfied", "Processing ...") to stdout,
    /// so stderr is read, stdout only when stderr is empty. A failure inside a subprocess (building an sdist, installing
    /// its build requirements) comes as a summary line ("× pip subprocess to install build dependencies did not run
    /// successfully."), then the subprocess's own output between "[n lines of output]" and "[end of output]", indented.
    /// </remarks>
    internal static class PipFailureCause
    {
        /// <summary>How many of a subprocess's last lines are quoted when it printed no ERROR line: a Python traceback ends with its exception.</summary>
        private const int SubprocessLastWords = 3;

        /// <summary>How many last lines are quoted when the output has none of pip's error shapes (a venv that failed, say).</summary>
        private const int LastLines = 5;

        private static readonly Regex SubprocessOutputStart = new Regex(@"\[\d+ lines? of output\]$");

        private static readonly Regex NoMatchingDistribution = new Regex(@"No matching distribution found for (.+)$");

        public static IReadOnlyList<string> Lines(ProcessResult run)
        {
            var source = run.StandardError.Any(l => l.Trim().Length > 0) ? run.StandardError : run.StandardOutput;
            var lines = source.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            var cause = new List<string>();
            List<string>? subprocessOutput = null;
            foreach (var line in lines)
            {
                if (subprocessOutput != null)
                {
                    if (line == "[end of output]")
                    {
                        var errors = subprocessOutput.Where(IsPipError).ToList();
                        cause.AddRange(errors.Count > 0 ? errors : subprocessOutput.Skip(subprocessOutput.Count - SubprocessLastWords));
                        subprocessOutput = null;
                    }
                    else
                    {
                        subprocessOutput.Add(line);
                    }
                }
                else if (SubprocessOutputStart.IsMatch(line))
                {
                    subprocessOutput = new List<string>();
                }
                else if (IsPipError(line) || IsSummary(line))
                {
                    cause.Add(line);
                }
            }

            return cause.Count > 0 ? cause.Distinct().ToList() : lines.Skip(lines.Count - LastLines).ToList();
        }

        /// <summary>
        /// What to do when pip could not install the build requirements of an sdist (setuptools, wheel) because no
        /// source it may use has them; null for any other failure.
        /// </summary>
        public static string? Hint(IReadOnlyList<string> cause, PackageSources sources)
        {
            var buildRequirements = cause.Any(l => l.Contains("install build dependencies did not run successfully"));
            var missing = cause.Select(l => NoMatchingDistribution.Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value.Trim()).Distinct().ToList();
            if (!buildRequirements || missing.Count == 0)
            {
                return null;
            }

            var what = $"To build an sdist pip first installs its build requirements (here {string.Join(", ", missing)}), ";
            return sources.NoIndex
                ? what + "and this root has no index (Set-CodeEnvRoot -NoIndex), so pip looks for them only in the wheelhouse and the root's find-links: publish setuptools and wheel wheels (and any other build requirement named above) to the wheelhouse with Publish-CodeEnvPackage, then run the command again."
                : what + "and found them neither in the root's indexes nor in its wheelhouse: publish wheels of them (usually setuptools and wheel) to the wheelhouse with Publish-CodeEnvPackage, or name an index that has them (Set-CodeEnvRoot -IndexUrl), then run the command again.";
        }

        // "ERROR: No matching distribution found for ...": pip's own statement of why, from the pip that failed or from
        // a pip it ran to install build requirements.
        private static bool IsPipError(string line) => line.StartsWith("ERROR:", System.StringComparison.Ordinal);

        // "× Getting requirements to build wheel did not run successfully.": which step of pip failed.
        private static bool IsSummary(string line) => line.EndsWith("did not run successfully.", System.StringComparison.Ordinal);
    }
}
