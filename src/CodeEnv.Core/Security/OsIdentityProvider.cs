using System;

namespace CodeEnv.Security
{
    /// <summary>The OS user running this process. Nothing a caller passes can change it.</summary>
    public sealed class OsIdentityProvider : IIdentityProvider
    {
        public static readonly OsIdentityProvider Instance = new OsIdentityProvider();

        private readonly Lazy<CallerIdentity> current = new Lazy<CallerIdentity>(
            () => new CallerIdentity(System.Environment.UserName, Array.Empty<string>()));

        public CallerIdentity Current() => current.Value;
    }
}
