using System;
using System.Threading;
using System.Threading.Tasks;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// How the finder reads a URL (an index page, a find-links page, a PEP 658 metadata file): a direct root asks the
    /// source itself with the root's credentials (<see cref="HttpUrlFetcher"/>); a served root's service gives its own.
    /// </summary>
    public interface IUrlFetcher
    {
        /// <summary>The body of <paramref name="url"/>, or null when the server says it has none (404, 410).</summary>
        /// <param name="accept">The Accept header: which page formats the caller reads.</param>
        /// <exception cref="PipMustDecideException">The URL could not be read (no connection, another error status).</exception>
        Task<FetchedUrl?> GetAsync(Uri url, string accept, CancellationToken cancellation);
    }
}
