using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Python;
using CodeEnv.Store;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Wheels
{
    /// <summary>
    /// Compiles the modules of stored trees once per interpreter cache tag, into <c>bytecode/&lt;sha256&gt;/&lt;tag&gt;/</c>
    /// (the tree's own layout, each module's <c>__pycache__/name.tag.pyc</c> where the interpreter would write it), with
    /// one interpreter process for every tree that lacks them. A venv's users often cannot write its __pycache__ (on a
    /// served root the venv belongs to the service), so the compiled modules are linked with the sources.
    /// </summary>
    /// <remarks>
    /// Timestamp-checked bytecode, pip's own default: the .pyc records its source's modification time and size, and
    /// Python uses it while they match. A hard link is the store's very inode, so the time matches in every venv; a copy
    /// is given the store file's time (<see cref="FileLinker"/>). Checked-hash bytecode would hash every source on every
    /// import, and unchecked-hash bytecode would keep running an old .pyc after someone edits a copied source; with
    /// timestamps, an edited source is simply compiled again. Each module's recorded file name is its path in the tree,
    /// not in the store (Python puts the real path in its place on import), so the same wheel compiles to the same bytes
    /// in every root.
    /// </remarks>
    internal static class BytecodeCompiler
    {
        private const string Script =
            "import importlib.util, json, os, py_compile, sys, warnings\n"
            + "warnings.filterwarnings('ignore')\n"
            + "if hasattr(sys, 'pycache_prefix'):\n"
            + "    sys.pycache_prefix = None\n"
            + "if sys.implementation.cache_tag != sys.argv[2]:\n"
            + "    sys.exit('this interpreter compiles for %s, not %s' % (sys.implementation.cache_tag, sys.argv[2]))\n"
            + "mode = getattr(py_compile, 'PycInvalidationMode', None)\n"
            + "options = {'invalidation_mode': mode.TIMESTAMP} if mode else {}\n"
            + "with open(sys.argv[1], encoding='utf-8') as jobs:\n"
            + "    jobs = json.load(jobs)\n"
            + "for tree, out in jobs:\n"
            + "    for folder, _, files in os.walk(tree):\n"
            + "        for name in files:\n"
            + "            if name.endswith('.py'):\n"
            + "                source = os.path.join(folder, name)\n"
            + "                target = os.path.join(out, os.path.relpath(importlib.util.cache_from_source(source), tree))\n"
            + "                try:\n"
            + "                    py_compile.compile(source, cfile=target, dfile=os.path.relpath(source, tree), doraise=True, **options)\n"
            + "                except Exception:\n"
            + "                    pass  # as pip's compileall: a module that does not compile is installed without bytecode\n";

        /// <summary>Compiles each of <paramref name="trees"/> that has no bytecode for <paramref name="scheme"/>'s cache tag yet.</summary>
        public static async Task EnsureAsync(PackageStore store, IEnumerable<StoredTree> trees, InstallScheme scheme, IProcessRunner processes, CancellationToken cancellation)
        {
            var missing = trees.GroupBy(t => t.Sha256).Select(g => g.First()).Where(t => !Directory.Exists(store.Bytecode(t, scheme.CacheTag))).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            var staging = store.NewStaging();
            try
            {
                var outputs = missing.Select((tree, i) => Path.Combine(staging, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
                var jobs = Path.Combine(staging, "jobs.json");
                File.WriteAllText(jobs, new JArray(missing.Select((tree, i) => new JArray(tree.Folder, outputs[i]))).ToString());
                // The venv's own interpreter, not the venv: the same bytecode, and on a served root the service runs the
                // interpreters it knows itself, while a venv's python runs in a sandbox that hides the store.
                var run = await processes.RunAsync(RealPath.Of(scheme.Python), new[] { "-I", "-S", "-c", Script, jobs, scheme.CacheTag }, null, cancellation, PythonEnvironment.Clean).ConfigureAwait(false);
                if (run.ExitCode != 0)
                {
                    throw new CodeEnvException(
                        ErrorIds.PythonCommandFailed,
                        $"'{scheme.Python}' could not compile the modules of {missing.Count} stored wheel(s) (exit code {run.ExitCode}):\n{string.Join("\n", run.StandardError.Take(20))}",
                        scheme.Python);
                }

                for (var i = 0; i < missing.Count; i++)
                {
                    Directory.CreateDirectory(outputs[i]);
                    MakeReadOnly(outputs[i]);
                    PackageStore.Publish(outputs[i], store.Bytecode(missing[i], scheme.CacheTag));
                }
            }
            finally
            {
                PackageStore.Discard(staging);
            }
        }

        private static void MakeReadOnly(string folder)
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                StoreModes.MakeReadOnly(file, executable: false);
            }

            foreach (var child in Directory.EnumerateDirectories(folder))
            {
                MakeReadOnly(child);
                StoreModes.MakeFolder(child);
            }
        }
    }
}
