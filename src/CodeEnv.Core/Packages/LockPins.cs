using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Requirements;

namespace CodeEnv.Packages
{
    /// <summary>
    /// Which entries of a lock become pins (name==version constraints) for a venv that reproduces it. A new venv (a copy,
    /// an import, a container image) gets its tooling from its own interpreter's venv, so pinning the source's pip would
    /// fight that interpreter; a rebuild of the same env's venv on the same interpreter (Restore-CodeEnv) keeps exactly
    /// what it had, tooling included.
    /// </summary>
    internal static class LockPins
    {
        /// <summary>The locked packages to pin, in the lock's order; the venv tooling only with <paramref name="includeVenvTooling"/>.</summary>
        public static IReadOnlyList<LockedPackage> Entries(IEnumerable<LockedPackage> locked, bool includeVenvTooling = false) =>
            locked.Where(p => includeVenvTooling || !InstalledSetCheck.VenvTooling.Contains(PackageName.Normalize(p.Name))).ToList();

        /// <summary>The pins as pip constraint lines, <c>name==version</c>.</summary>
        public static List<string> Lines(IEnumerable<LockedPackage> locked, bool includeVenvTooling = false) =>
            Entries(locked, includeVenvTooling).Select(Line).ToList();

        public static string Line(LockedPackage pinned) => $"{pinned.Name}=={pinned.Version}";
    }
}
