using System;
using System.IO;
using CodeEnv.Errors;

namespace CodeEnv.Operations
{
    /// <summary>
    /// The archive a connection is publishing, streamed in chunks straight to a file in the service's work folder (never
    /// held whole in memory), after the caller's right to publish and the archive's declared size were checked. An upload
    /// belongs to its connection: one at a time, and one not ended is deleted when the connection ends.
    /// </summary>
    internal sealed class PublishUploads : IDisposable
    {
        private readonly object gate = new object();
        private readonly Func<string> workFolder;
        private readonly long maxBytes;
        private readonly string root;
        private Upload? current;

        /// <param name="workFolder">Where the bytes go: state/service on a served root, which only the service account can reach.</param>
        public PublishUploads(Func<string> workFolder, long maxBytes, string root)
        {
            this.workFolder = workFolder;
            this.maxBytes = maxBytes;
            this.root = root;
        }

        /// <summary>Opens the file the archive's bytes go to and gives back the upload's id. Call only once the caller may publish.</summary>
        public string Begin(string fileName, long length, bool force)
        {
            var name = Path.GetFileName(fileName ?? "");
            if (name.Length == 0 || name != fileName || name == "." || name == "..")
            {
                throw new CodeEnvException(ErrorIds.ArchiveNameInvalid, $"'{fileName}' is not a file name; give the archive's own name, such as pkg-1.0.tar.gz.", fileName);
            }

            if (length < 0)
            {
                throw new CodeEnvException(ErrorIds.ArchiveLengthInvalid, $"The archive '{name}' cannot be {length} bytes long.", name);
            }

            if (length > maxBytes)
            {
                throw ServiceLimitErrors.PublishTooLarge(root, name, length, maxBytes);
            }

            lock (gate)
            {
                // An upload the caller gave up on (a chunk failed) is replaced: a connection has one at a time.
                current?.Delete();
                current = null;
                var folder = Path.Combine(workFolder(), Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(folder);
                var archive = Path.Combine(folder, name);
                current = new Upload(Guid.NewGuid().ToString("N"), folder, archive, new FileStream(archive, FileMode.CreateNew, FileAccess.Write, FileShare.None), length, force);
                return current.Id;
            }
        }

        /// <summary>Writes the next bytes; more than the declared length ends the upload.</summary>
        public void Write(string uploadId, byte[] content)
        {
            lock (gate)
            {
                var upload = Find(uploadId);
                if (upload.Written + content.Length > upload.Length)
                {
                    Abandon();
                    throw new CodeEnvException(ErrorIds.ArchiveLengthExceeded, $"More than the {upload.Length} bytes announced for '{Path.GetFileName(upload.Archive)}' were sent; the upload was discarded. Publish it again.", Path.GetFileName(upload.Archive));
                }

                upload.File.Write(content, 0, content.Length);
                upload.Written += content.Length;
            }
        }

        /// <summary>Closes the file and hands it to <paramref name="publish"/>; the file is deleted afterwards, published or not.</summary>
        public T Finish<T>(string uploadId, Func<string, bool, T> publish)
        {
            Upload upload;
            lock (gate)
            {
                upload = Find(uploadId);
                current = null;
            }

            try
            {
                upload.File.Dispose();
                if (upload.Written != upload.Length)
                {
                    throw new CodeEnvException(ErrorIds.ArchiveIncomplete, $"Only {upload.Written} of the {upload.Length} bytes announced for '{Path.GetFileName(upload.Archive)}' arrived (did the file change while it was sent?); nothing was published. Publish it again.", Path.GetFileName(upload.Archive));
                }

                return publish(upload.Archive, upload.Force);
            }
            finally
            {
                upload.Delete();
            }
        }

        /// <summary>The connection ended: an upload not ended is deleted.</summary>
        public void Dispose()
        {
            lock (gate)
            {
                Abandon();
            }
        }

        private Upload Find(string uploadId)
        {
            if (current == null || !string.Equals(current.Id, uploadId, StringComparison.Ordinal))
            {
                throw new CodeEnvException(ErrorIds.ArchiveUploadNotFound, $"This engine has no upload '{uploadId}' (an upload belongs to the connection or command that began it, and ends with it). Publish the archive again.", uploadId);
            }

            return current;
        }

        private void Abandon()
        {
            current?.Delete();
            current = null;
        }

        private sealed class Upload
        {
            public Upload(string id, string folder, string archive, FileStream file, long length, bool force)
            {
                Id = id;
                Folder = folder;
                Archive = archive;
                File = file;
                Length = length;
                Force = force;
            }

            public string Id { get; }

            public string Folder { get; }

            public string Archive { get; }

            public FileStream File { get; }

            public long Length { get; }

            public bool Force { get; }

            public long Written { get; set; }

            public void Delete()
            {
                File.Dispose();
                try
                {
                    Directory.Delete(Folder, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }
}
