using System;
using System.Collections.Generic;
using System.Linq;

namespace CodeEnv.Licenses
{
    /// <summary>
    /// The trove classifiers under <c>License ::</c> that name exactly one license, with its SPDX id. A classifier that
    /// names a family (<c>BSD License</c>, <c>Apache Software License</c>, <c>GNU General Public License (GPL)</c>) maps to
    /// no id, since guessing its version would put a license the author never declared into a compliance document.
    /// </summary>
    public static class LicenseClassifiers
    {
        public const string Prefix = "License ::";

        private static readonly Dictionary<string, string> Ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["License :: OSI Approved :: MIT License"] = "MIT",
            ["License :: OSI Approved :: MIT No Attribution License (MIT-0)"] = "MIT-0",
            ["License :: OSI Approved :: ISC License (ISCL)"] = "ISC",
            ["License :: OSI Approved :: Zero-Clause BSD (0BSD)"] = "0BSD",
            ["License :: OSI Approved :: Python Software Foundation License"] = "PSF-2.0",
            ["License :: OSI Approved :: Python License (CNRI Python License)"] = "CNRI-Python",
            ["License :: OSI Approved :: Mozilla Public License 1.0 (MPL)"] = "MPL-1.0",
            ["License :: OSI Approved :: Mozilla Public License 1.1 (MPL 1.1)"] = "MPL-1.1",
            ["License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)"] = "MPL-2.0",
            ["License :: OSI Approved :: GNU General Public License v2 (GPLv2)"] = "GPL-2.0-only",
            ["License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)"] = "GPL-2.0-or-later",
            ["License :: OSI Approved :: GNU General Public License v3 (GPLv3)"] = "GPL-3.0-only",
            ["License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)"] = "GPL-3.0-or-later",
            ["License :: OSI Approved :: GNU Lesser General Public License v2 (LGPLv2)"] = "LGPL-2.0-only",
            ["License :: OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)"] = "LGPL-2.0-or-later",
            ["License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)"] = "LGPL-3.0-only",
            ["License :: OSI Approved :: GNU Lesser General Public License v3 or later (LGPLv3+)"] = "LGPL-3.0-or-later",
            ["License :: OSI Approved :: GNU Affero General Public License v3"] = "AGPL-3.0-only",
            ["License :: OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)"] = "AGPL-3.0-or-later",
            ["License :: OSI Approved :: Eclipse Public License 1.0 (EPL-1.0)"] = "EPL-1.0",
            ["License :: OSI Approved :: Eclipse Public License 2.0 (EPL-2.0)"] = "EPL-2.0",
            ["License :: OSI Approved :: European Union Public Licence 1.1 (EUPL 1.1)"] = "EUPL-1.1",
            ["License :: OSI Approved :: European Union Public Licence 1.2 (EUPL 1.2)"] = "EUPL-1.2",
            ["License :: OSI Approved :: Boost Software License 1.0 (BSL-1.0)"] = "BSL-1.0",
            ["License :: OSI Approved :: Common Development and Distribution License 1.0 (CDDL-1.0)"] = "CDDL-1.0",
            ["License :: OSI Approved :: Historical Permission Notice and Disclaimer (HPND)"] = "HPND",
            ["License :: OSI Approved :: PostgreSQL License"] = "PostgreSQL",
            ["License :: OSI Approved :: Universal Permissive License (UPL)"] = "UPL-1.0",
            ["License :: OSI Approved :: The Unlicense (Unlicense)"] = "Unlicense",
            ["License :: OSI Approved :: zlib/libpng License"] = "Zlib",
            ["License :: OSI Approved :: Sleepycat License"] = "Sleepycat",
            ["License :: OSI Approved :: W3C License"] = "W3C",
            ["License :: OSI Approved :: Blue Oak Model License (BlueOak-1.0.0)"] = "BlueOak-1.0.0",
            ["License :: OSI Approved :: University of Illinois/NCSA Open Source License"] = "NCSA",
            ["License :: OSI Approved :: Open Software License 3.0 (OSL-3.0)"] = "OSL-3.0",
            ["License :: OSI Approved :: Microsoft Public License"] = "MS-PL",
            ["License :: OSI Approved :: Microsoft Reciprocal License"] = "MS-RL",
            ["License :: OSI Approved :: SIL Open Font License 1.1 (OFL-1.1)"] = "OFL-1.1",
            ["License :: OSI Approved :: CEA CNRS Inria Logiciel Libre License, version 2.1 (CeCILL-2.1)"] = "CECILL-2.1",
            ["License :: OSI Approved :: Educational Community License, Version 2.0 (ECL-2.0)"] = "ECL-2.0",
            ["License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication"] = "CC0-1.0",
        };

        /// <summary>Every SPDX id a classifier maps to.</summary>
        public static IEnumerable<string> MappedIds => Ids.Values.Distinct();

        /// <summary>Whether a classifier is one of the License ones.</summary>
        public static bool IsLicense(string classifier) => classifier.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

        /// <summary>The SPDX id of a license classifier that names one license, or null.</summary>
        public static string? SpdxId(string classifier) => Ids.TryGetValue(Collapse(classifier), out var id) ? id : null;

        /// <summary>The classifier's license as people name it: its last part (<c>BSD License</c>).</summary>
        public static string Name(string classifier)
        {
            var parts = Collapse(classifier).Split(new[] { "::" }, StringSplitOptions.None);
            return parts[parts.Length - 1].Trim();
        }

        // Classifiers are written 'A :: B'; a METADATA file may space them differently.
        private static string Collapse(string classifier) => string.Join(" :: ", classifier.Split(new[] { "::" }, StringSplitOptions.None).Select(p => p.Trim()));
    }
}
