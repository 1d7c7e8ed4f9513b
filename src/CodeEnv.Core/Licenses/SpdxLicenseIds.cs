using System;
using System.Collections.Generic;
using System.Linq;

namespace CodeEnv.Licenses
{
    /// <summary>
    /// The SPDX license identifiers CodeEnv recognizes by name: those Python distributions declare (the licenses of the
    /// trove classifiers that name one license, and what License fields commonly hold). Only these go into an SBOM's
    /// license <c>id</c>, which CycloneDX restricts to the SPDX list; any other name stays a name. Deprecated ids (GPL-2.0,
    /// LGPL-2.1+) are left out on purpose: SPDX replaced them with the -only and -or-later forms.
    /// </summary>
    public static class SpdxLicenseIds
    {
        private static readonly string[] Ids =
        {
            "0BSD", "AGPL-3.0-only", "AGPL-3.0-or-later", "Apache-1.1", "Apache-2.0", "Artistic-2.0",
            "BlueOak-1.0.0", "BSD-1-Clause", "BSD-2-Clause", "BSD-3-Clause", "BSD-3-Clause-Clear", "BSD-4-Clause", "BSL-1.0",
            "CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "CDDL-1.0", "CECILL-2.1", "CNRI-Python", "ECL-2.0", "EPL-1.0",
            "EPL-2.0", "EUPL-1.1", "EUPL-1.2", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0-only", "GPL-3.0-or-later", "HPND",
            "ISC", "LGPL-2.0-only", "LGPL-2.0-or-later", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0-only",
            "LGPL-3.0-or-later", "MIT", "MIT-0", "MPL-1.0", "MPL-1.1", "MPL-2.0", "MPL-2.0-no-copyleft-exception", "MS-PL",
            "MS-RL", "NCSA", "OFL-1.1", "OpenSSL", "OSL-3.0", "PostgreSQL", "PSF-2.0", "Python-2.0", "Sleepycat", "UPL-1.0",
            "Unlicense", "W3C", "WTFPL", "X11", "Zlib", "ZPL-2.0", "ZPL-2.1",
        };

        private static readonly Dictionary<string, string> ByLowerCase = Ids.ToDictionary(i => i.ToLowerInvariant(), i => i, StringComparer.Ordinal);

        /// <summary>Every recognized id, in the SPDX list's spelling.</summary>
        public static IReadOnlyCollection<string> All => Ids;

        /// <summary>The id in the SPDX list's spelling (SPDX ids compare ignoring case), or null for a name that is no recognized id.</summary>
        public static string? Canonical(string text) => ByLowerCase.TryGetValue(text.Trim().ToLowerInvariant(), out var id) ? id : null;
    }
}
