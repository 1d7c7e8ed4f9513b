using System;

namespace CodeEnv.Resolution
{
    /// <summary>What a URL answered: its body and content type, and the URL that answered after redirects (links on a page are relative to it).</summary>
    public sealed class FetchedUrl
    {
        public FetchedUrl(Uri url, string contentType, byte[] body)
        {
            Url = url;
            ContentType = contentType;
            Body = body;
        }

        public Uri Url { get; }

        /// <summary>The media type, without parameters, lower-case ("text/html").</summary>
        public string ContentType { get; }

        public byte[] Body { get; }
    }
}
