using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Store;

namespace CodeEnv.Containers
{
    /// <summary>
    /// <c>envs/&lt;name&gt;/images.json</c>: every image built of the env, one per container config and installed revision
    /// (a rebuild replaces its record), written atomically so a failed build leaves the file as it was.
    /// </summary>
    internal static class ImageRecords
    {
        public static List<ContainerImage> Read(RootPaths paths, string name)
        {
            var file = paths.ImagesFile(name);
            return File.Exists(file) ? Json.Deserialize<List<ContainerImage>>(File.ReadAllText(file)) ?? new List<ContainerImage>() : new List<ContainerImage>();
        }

        public static void Record(RootPaths paths, string name, ContainerImage image)
        {
            var images = Read(paths, name);
            images.RemoveAll(i => string.Equals(i.ConfigName, image.ConfigName, StringComparison.OrdinalIgnoreCase) && i.Revision == image.Revision);
            images.Add(image);
            AtomicFile.WriteAllText(paths.ImagesFile(name), Json.Serialize(images.OrderBy(i => i.ConfigName, StringComparer.OrdinalIgnoreCase).ThenBy(i => i.Revision).ToList()));
        }

        /// <summary>The newest image of each config.</summary>
        public static IEnumerable<ContainerImage> Latest(IEnumerable<ContainerImage> images) =>
            images.GroupBy(i => i.ConfigName, StringComparer.OrdinalIgnoreCase).Select(g => g.OrderBy(i => i.BuiltAt).Last());

        /// <summary>
        /// Why <paramref name="image"/> no longer reproduces the env in the config as they are now, or null when it does.
        /// The base image is compared only when its current id is known (<paramref name="baseImageIdNow"/>), the resources
        /// only when they are given (<paramref name="resources"/>).
        /// </summary>
        public static string? OutdatedReason(ContainerImage image, int installedRevision, ContainerConfig? config, string? baseImageIdNow, DockerfileFragments? environmentLines, IReadOnlyDictionary<string, string>? variables = null, ContextResources? resources = null)
        {
            if (config == null)
            {
                return $"the container config '{image.ConfigName}' no longer exists";
            }

            if (image.Revision != installedRevision)
            {
                return $"the env changed since it was built: the image holds installed revision {image.Revision}, the env is at {installedRevision}";
            }

            if (!string.Equals(image.ConfigSha256, ConfigFingerprint.Of(config, environmentLines, variables), StringComparison.Ordinal))
            {
                return $"the container config '{config.ConfigName}' or the env's own Dockerfile lines changed since it was built, or its variables did";
            }

            if (resources != null && !resources.Matches(image.ResourcesStamp, image.ResourcesSha256))
            {
                return $"the env's resources changed since it was built (Publish-CodeEnvResource or its init script): the image holds {(string.IsNullOrEmpty(image.ResourcesSha256) ? "none" : "others")}, the folder has {resources.Files.Count} file(s) now";
            }

            if (!string.IsNullOrEmpty(baseImageIdNow) && !string.IsNullOrEmpty(image.BaseImageId) && !string.Equals(baseImageIdNow, image.BaseImageId, StringComparison.Ordinal))
            {
                return $"the base image {image.BaseImage} moved: it was {Short(image.BaseImageId)} when built and is {Short(baseImageIdNow!)} now";
            }

            return null;
        }

        private static string Short(string id) => id.Length > 19 ? id.Substring(0, 19) : id;
    }
}
