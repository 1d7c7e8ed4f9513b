using System;

namespace CodeEnv
{
    /// <summary>
    /// The image of an env built for a container config at one installed revision (PowerShell type
    /// <c>CodeEnv.ContainerImage</c>), as recorded in the env's <c>images.json</c>, with whether it is still current.
    /// </summary>
    public sealed class ContainerImage
    {
        public string EnvironmentName { get; set; } = "";

        public string ConfigName { get; set; } = "";

        /// <summary>The env's installed revision the image reproduces.</summary>
        public int Revision { get; set; }

        /// <summary>The image's name and tag, such as registry.example/codeenv/analytics:slim-r4.</summary>
        public string Reference { get; set; } = "";

        /// <summary>The local image id (sha256 of its config) the engine gave it.</summary>
        public string ImageId { get; set; } = "";

        /// <summary>The manifest digest the registry holds it under, when it was pushed; empty otherwise.</summary>
        public string Digest { get; set; } = "";

        public string BaseImage { get; set; } = "";

        /// <summary>The base image's id when this image was built: a different id now means the base moved.</summary>
        public string BaseImageId { get; set; } = "";

        /// <summary>The sha256 of the config's Dockerfile settings when built: a change to the config outdates the image.</summary>
        public string ConfigSha256 { get; set; } = "";

        /// <summary>The env's resources it holds: names, sizes and sha256 hashed; empty for an env without resources (and every image built before images held them).</summary>
        public string ResourcesSha256 { get; set; } = "";

        /// <summary>The resources' names, sizes and modification times hashed when built: while equal, a listing need not read them to know they did not change.</summary>
        public string ResourcesStamp { get; set; } = "";

        /// <summary>The engine that built it (podman, buildah, docker).</summary>
        public string Engine { get; set; } = "";

        public DateTimeOffset BuiltAt { get; set; }

        public string BuiltBy { get; set; } = "";

        /// <summary>Current, or Outdated with <see cref="OutdatedReason"/>; told when the image is listed, not stored.</summary>
        public string Status { get; set; } = "";

        public string OutdatedReason { get; set; } = "";

        [Newtonsoft.Json.JsonIgnore]
        public string Root { get; set; } = "";

        public override string ToString() => Reference;
    }
}
