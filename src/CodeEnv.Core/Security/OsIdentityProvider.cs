using System;
using System.Collections.Generic;

namespace CodeEnv.Security
{
    /// <summary>The OS user running this process and that user's OS groups. Nothing a caller passes can change it.</summary>
    public sealed class OsIdentityProvider : IIdentityProvider
    {
        public static readonly OsIdentityProvider Instance = new OsIdentityProvider();

        private readonly Lazy<CallerIdentity> current = new Lazy<CallerIdentity>(
            () => new CallerIdentity(System.Environment.UserName, Groups()));

        public CallerIdentity Current() => current.Value;

        // Windows groups come from the token (WindowsIdentity.Groups), which netstandard2.0 reaches only through an
        // extra package; until that is added a Windows caller is known by user name only.
        private static IReadOnlyList<string> Groups() => Platform.IsWindows ? Array.Empty<string>() : UnixGroups.OfThisProcess();
    }
}
