using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CodeEnv.Cmdlets.Completion;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Errors;
using CodeEnv.Python;
using CodeEnv.Store;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Get-CodeEnvPython: the Python interpreters on this machine, newest first.</summary>
    [Cmdlet(VerbsCommon.Get, "CodeEnvPython")]
    [OutputType(typeof(PythonInterpreter))]
    public sealed class GetCodeEnvPythonCommand : RootCmdlet
    {
        /// <summary>Only interpreters of this version: 3 (any 3.x), 3.11 (any 3.11.x) or 3.11.7.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PythonVersionCompleter))]
        public string? Version { get; set; }

        protected override void BeginProcessing()
        {
            if (Version != null)
            {
                Terminating(Version, () => InterpreterSelector.Validate(Version));
            }
        }

        protected override void ProcessRecord()
        {
            IReadOnlyList<PythonInterpreter> discovered = Array.Empty<PythonInterpreter>();
            Terminating(Version, () => discovered = RunEngine((reporter, token) => InterpreterDiscovery.ForThisMachine(Registered()).DiscoverAsync(token)));
            if (Version == null)
            {
                WriteObject(discovered, enumerateCollection: true);
                return;
            }

            var matching = discovered.Where(i => InterpreterSelector.Matches(i, Version)).ToList();
            if (matching.Count == 0)
            {
                // The same ObjectNotFound error, listing what is installed, that New-CodeEnv gives.
                ForItem(Version, () => InterpreterSelector.Select(discovered, Version));
            }

            WriteObject(matching, enumerateCollection: true);
        }

        // Registered interpreters belong to a root; without one configured, discovery still lists the machine's.
        private IReadOnlyList<string> Registered()
        {
            try
            {
                return Call((engine, _, token) => engine.Root.SettingsAsync(token)).Interpreters;
            }
            catch (CodeEnvException) when (Root == null)
            {
                return Array.Empty<string>();
            }
        }
    }
}
