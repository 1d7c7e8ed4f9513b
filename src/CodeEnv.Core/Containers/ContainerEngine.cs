using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Errors;

namespace CodeEnv.Containers
{
    /// <summary>
    /// The container engine found on this machine and the command lines CodeEnv gives it. podman and docker build, push,
    /// inspect and run; buildah builds and pushes (running an image needs podman beside it). The engine's own
    /// configuration (storage, registries, runtime: containers.conf, registries.conf, daemon.json) is the machine's and is
    /// read by the engine as usual.
    /// </summary>
    public sealed class ContainerEngine
    {
        /// <summary>The engines CodeEnv looks for, in the order it prefers them: daemonless first.</summary>
        public static readonly IReadOnlyList<string> Supported = new[] { "podman", "buildah", "docker" };

        private ContainerEngine(string kind, string path)
        {
            Kind = kind;
            Path = path;
        }

        /// <summary>podman, buildah or docker.</summary>
        public string Kind { get; }

        public string Path { get; }

        /// <summary>The engine named (a kind or a path), or the first supported one on PATH; a clear error when there is none.</summary>
        public static ContainerEngine Find(string? named, string? searchPath)
        {
            var folders = (searchPath ?? "").Split(new[] { System.IO.Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries);
            string? OnPath(string program) => folders.Select(f => System.IO.Path.Combine(f, program)).FirstOrDefault(File.Exists);
            if (!string.IsNullOrEmpty(named))
            {
                var kind = Supported.FirstOrDefault(k => string.Equals(System.IO.Path.GetFileName(named), k, StringComparison.Ordinal));
                var path = named!.Contains("/") ? (File.Exists(named) ? named : null) : OnPath(named);
                if (kind == null || path == null)
                {
                    throw new CodeEnvException(ErrorIds.ContainerEngineNotFound, $"The container engine '{named}' was not found or is not one CodeEnv drives ({string.Join(", ", Supported)}). Install one, or name its path with -Engine.", named);
                }

                return new ContainerEngine(kind, path);
            }

            foreach (var kind in Supported)
            {
                var path = OnPath(kind);
                if (path != null)
                {
                    return new ContainerEngine(kind, path);
                }
            }

            throw new CodeEnvException(ErrorIds.ContainerEngineNotFound, $"No container engine is on PATH: CodeEnv builds images with {string.Join(", ", Supported)}. Install one (on Debian: apt-get install podman), or name its path with -Engine.", "PATH");
        }

        public IReadOnlyList<string> Build(string contextFolder, string reference, string network, IEnumerable<(string Id, string File)> secrets)
        {
            var arguments = new List<string> { Kind == "buildah" ? "bud" : "build", "--network", network, "--tag", reference, "--file", System.IO.Path.Combine(contextFolder, "Dockerfile") };
            foreach (var (id, file) in secrets)
            {
                arguments.Add("--secret");
                arguments.Add($"id={id},src={file}");
            }

            arguments.Add(contextFolder);
            return arguments;
        }

        /// <summary>Pushes the image; podman and buildah write the pushed manifest's digest to <paramref name="digestFile"/>.</summary>
        public IReadOnlyList<string> Push(string reference, string digestFile) =>
            Kind == "docker" ? new[] { "push", reference } : new[] { "push", "--digestfile", digestFile, reference };

        /// <summary>Prints the local image's id (the sha256 of its config), or fails when the image is not here.</summary>
        public IReadOnlyList<string> ImageId(string reference) =>
            Kind == "buildah" ? new[] { "inspect", "--type", "image", "--format", "{{.FromImageID}}", reference } : new[] { "image", "inspect", "--format", "{{.Id}}", reference };

        /// <summary>Runs <paramref name="command"/> in a fresh container of the image, removed afterwards, with a folder mounted at the same path and made the working folder.</summary>
        /// <param name="passedVariables">Variables the container gets by name (--env NAME): their values come from the engine client's own
        /// environment, so none is on a command line every local user can read in ps.</param>
        public IReadOnlyList<string> Run(string reference, string network, string workingFolder, IEnumerable<string> command, bool interactive, IEnumerable<string>? passedVariables = null)
        {
            if (Kind == "buildah")
            {
                throw new CodeEnvException(ErrorIds.ContainerEngineNotFound, "buildah builds images but does not run them; install podman (or docker) beside it to run an env's python in its image.", Path);
            }

            var arguments = new List<string> { "run", "--rm", "--network", network, "--volume", workingFolder + ":" + workingFolder, "--workdir", workingFolder };
            if (interactive)
            {
                arguments.Add("--interactive");
            }

            foreach (var variable in passedVariables ?? Array.Empty<string>())
            {
                arguments.Add("--env");
                arguments.Add(variable);
            }

            arguments.Add(reference);
            arguments.AddRange(command);
            return arguments;
        }
    }
}
