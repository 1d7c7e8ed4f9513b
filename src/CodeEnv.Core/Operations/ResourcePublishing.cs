using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Publish-CodeEnvResource on the engine's side: a file's bytes arrive in chunks (<see cref="ArchiveUpload"/>, the
    /// same uploads Publish-CodeEnvPackage uses, so on a served root the caller needs no write access to the env folder),
    /// and once all are there it replaces the file of that path in the env's resources folder in one rename. The caller
    /// needs UpdatePackages on the env, checked when the upload begins and again when it ends: the resources reach the
    /// env's init script and code as its packages do.
    /// </summary>
    internal sealed class ResourcePublishing
    {
        private const string Activity = "Publish-CodeEnvResource";

        private readonly EngineContext context;
        private readonly PublishUploads uploads;

        public ResourcePublishing(EngineContext context, PublishUploads uploads)
        {
            this.context = context;
            this.uploads = uploads;
        }

        public string Begin(string name, string resourcePath, long length)
        {
            var definition = RequirePublisher(name);
            var relative = RuntimeEnvironment.RequireResourcePath(resourcePath, definition.Name);
            return uploads.Begin(relative.Substring(relative.LastIndexOf('/') + 1), length, force: false);
        }

        public void Write(string uploadId, byte[] content) => uploads.Write(uploadId, content ?? new byte[0]);

        public EnvironmentResource End(string name, string resourcePath, string uploadId) =>
            uploads.Finish(uploadId, (file, _) =>
            {
                var definition = RequirePublisher(name);
                var relative = RuntimeEnvironment.RequireResourcePath(resourcePath, definition.Name);
                var resources = context.Paths.ResourcesFolder(definition.Name);
                var target = Path.Combine(resources, relative.Replace('/', Path.DirectorySeparatorChar));
                var folder = Path.GetDirectoryName(target)!;
                Directory.CreateDirectory(folder);
                // A copy (a new file, with the folder's defaults), renamed over the old one: a reader never sees half a file.
                var partial = Path.Combine(folder, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N") + ".partial");
                File.Copy(file, partial);
                if (Platform.IsWindows)
                {
                    File.Copy(partial, target, overwrite: true);
                    File.Delete(partial);
                }
                else
                {
                    // Readable by whoever may enter the env folder (on a served root its ACL decides who may).
                    UnixLinks.TryChangeMode(partial, 0x1A4 /* 0644 */);
                    if (!UnixLinks.TryRename(partial, target))
                    {
                        File.Delete(partial);
                        throw new IOException($"Could not put '{relative}' into '{resources}'.");
                    }
                }

                return new EnvironmentResource(definition.Name, relative, target, new FileInfo(target).Length, Sha256Of(target), context.Paths.Root);
            });

        private EnvironmentDefinition RequirePublisher(string name)
        {
            var definition = context.Read(name);
            AccessPolicy.Require(definition, context.Settings(), context.Caller, EnvironmentRight.UpdatePackages, "publish resources to");
            RegisteredVenvs.RequireManaged(definition, Activity);
            // What the resources hold reaches the venv through its init script, as its packages do: a frozen or archived
            // env keeps them as they are.
            Freezing.RequireUnfrozen(context, definition.Name, Activity);
            Archiving.RequireActive(context, definition.Name, Activity);
            return definition;
        }

        private static string Sha256Of(string file)
        {
            using (var sha = SHA256.Create())
            using (var stream = File.OpenRead(file))
            {
                var hash = sha.ComputeHash(stream);
                var hex = new StringBuilder(hash.Length * 2);
                foreach (var b in hash)
                {
                    hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }

                return hex.ToString();
            }
        }
    }
}
