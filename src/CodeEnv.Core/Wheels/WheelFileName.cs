using System;
using CodeEnv.Errors;
using CodeEnv.Requirements;

namespace CodeEnv.Wheels
{
    /// <summary>
    /// What a wheel's file name says (PEP 427): <c>{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl</c>. The name is
    /// also the artifact's file name in the store, so it must be a plain file name, nothing that reaches another folder.
    /// </summary>
    public sealed class WheelFileName
    {
        private WheelFileName(string fileName, string name, string version)
        {
            FileName = fileName;
            Name = name;
            Version = version;
        }

        public string FileName { get; }

        /// <summary>The project's name, normalized (PEP 503).</summary>
        public string Name { get; }

        /// <summary>The version, normalized (PEP 440).</summary>
        public string Version { get; }

        /// <summary>The parts of <paramref name="fileName"/>, or WheelFileNameInvalid saying what a wheel's name looks like.</summary>
        public static WheelFileName Parse(string fileName)
        {
            if (!TryParse(fileName, out var parsed))
            {
                throw new CodeEnvException(
                    ErrorIds.WheelFileNameInvalid,
                    $"'{fileName}' is not a wheel's file name: a wheel is named name-version(-build)-python-abi-platform.whl (PEP 427), such as 'tabulate-0.9.0-py3-none-any.whl'.",
                    fileName);
            }

            return parsed!;
        }

        public static bool TryParse(string fileName, out WheelFileName? parsed)
        {
            parsed = null;
            if (fileName.IndexOfAny(new[] { '/', '\\', '\0' }) >= 0 || !fileName.EndsWith(".whl", StringComparison.Ordinal))
            {
                return false;
            }

            var parts = fileName.Substring(0, fileName.Length - ".whl".Length).Split('-');
            if ((parts.Length != 5 && parts.Length != 6) || Array.Exists(parts, p => p.Length == 0) || !PackageName.IsValid(parts[0]))
            {
                return false;
            }

            if (parts.Length == 6 && !char.IsDigit(parts[2][0]))
            {
                return false; // a build tag starts with a digit
            }

            if (!PackageVersion.TryParse(parts[1], out var version))
            {
                return false;
            }

            parsed = new WheelFileName(fileName, PackageName.Normalize(parts[0]), version!.ToString());
            return true;
        }
    }
}
