using System;
using System.Net;
using System.Net.Sockets;

namespace CodeEnv
{
    /// <summary>
    /// A Unix domain socket endpoint by path. netstandard2.0 has no UnixDomainSocketEndPoint type, but every runtime the
    /// module runs on where a served root exists (.NET under pwsh 7 on Linux) has one, so it is found at run time.
    /// </summary>
    internal static class UnixSocket
    {
        private static readonly Type? EndPointType =
            Type.GetType("System.Net.Sockets.UnixDomainSocketEndPoint, System.Net.Sockets", throwOnError: false)
            ?? typeof(Socket).Assembly.GetType("System.Net.Sockets.UnixDomainSocketEndPoint", throwOnError: false);

        public static bool Supported => EndPointType != null && !Platform.IsWindows;

        public static EndPoint EndPoint(string path)
        {
            if (EndPointType == null)
            {
                throw new PlatformNotSupportedException("This .NET has no Unix domain sockets; a served root needs PowerShell 7 on Linux.");
            }

            return (EndPoint)Activator.CreateInstance(EndPointType, path)!;
        }

        public static Socket Create() => new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    }
}
