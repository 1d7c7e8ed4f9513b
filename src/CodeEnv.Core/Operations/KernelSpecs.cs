using System;
using System.IO;
using CodeEnv.Python;
using CodeEnv.Store;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Operations
{
    /// <summary>
    /// The Jupyter kernel spec of each env with Jupyter support, in the root's kernels folder
    /// (<c>&lt;root&gt;/jupyter/kernels</c> unless the root settings name another), so a Jupyter server whose
    /// JUPYTER_PATH includes it offers the env. A spec is written when such an env is Ready, rewritten whenever it
    /// becomes Ready again (a rebuild, another interpreter), and removed when support is turned off or the env removed.
    /// </summary>
    internal sealed class KernelSpecs
    {
        private const string Prefix = "codeenv-";

        private readonly RootPaths paths;

        public KernelSpecs(RootPaths paths)
        {
            this.paths = paths;
        }

        /// <summary>Brings the env's spec (and its activate scripts, which follow the same changes) in step with its definition and state; an archived env has no spec.</summary>
        public void Follow(EnvironmentDefinition definition, EnvironmentState state, RootSettingsDocument settings)
        {
            ActivationScripts.Write(paths, definition);
            if (!definition.JupyterSupport || File.Exists(paths.ArchiveFile(definition.Name)))
            {
                Forget(definition.Name, settings);
            }
            else if (state == EnvironmentState.Ready)
            {
                Write(definition, settings);
            }
        }

        /// <summary>Removes the env's spec, if there is one.</summary>
        public void Forget(string name, RootSettingsDocument settings)
        {
            var folder = SpecFolder(name, settings);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        /// <summary>The kernel's name as Jupyter lists it: kernel names are compared without case, env names are unique without case.</summary>
        public static string KernelName(string envName) => Prefix + envName.ToLowerInvariant();

        private void Write(EnvironmentDefinition definition, RootSettingsDocument settings)
        {
            var folder = SpecFolder(definition.Name, settings);
            Directory.CreateDirectory(folder);
            var version = string.Join(".", definition.Python.Version.Split('.'), 0, Math.Min(2, definition.Python.Version.Split('.').Length));
            var spec = new JObject
            {
                // The env's stable path, not the interpreter's real path, so the kernel follows rebuilds of the venv.
                ["argv"] = new JArray(VenvLayout.Python(definition.RegisteredVenv ?? paths.VenvFolder(definition.Name)), "-m", "ipykernel_launcher", "-f", "{connection_file}"),
                ["display_name"] = $"Python {version} (CodeEnv {definition.Name})",
                ["language"] = "python",
                ["metadata"] = new JObject { ["codeenv"] = new JObject { ["root"] = paths.Root, ["name"] = definition.Name } },
                // The env's variables, as Invoke-CodeEnvPython gives them, but no secret: every Jupyter user reads this file.
                ["env"] = JObject.FromObject(RuntimeEnvironment.Shown(paths, definition)),
            };
            AtomicFile.WriteAllText(Path.Combine(folder, "kernel.json"), spec.ToString(Newtonsoft.Json.Formatting.Indented));
        }

        private string SpecFolder(string name, RootSettingsDocument settings) => Path.Combine(settings.KernelsFolder ?? paths.DefaultKernelsFolder, KernelName(name));

    }
}
