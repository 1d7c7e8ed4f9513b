using System;
using System.Management.Automation;
using System.Threading.Tasks;
using CodeEnv.Operations;
using CodeEnv.Packages;

namespace CodeEnv.Cmdlets.Infrastructure
{
    /// <summary>
    /// The package commands that edit an env's lists: they save (the env becomes Outdated), and with -Update also
    /// run Update-CodeEnv in the same call.
    /// </summary>
    public abstract class PackageListCmdlet : RootCmdlet
    {
        /// <summary>The env whose lists change.</summary>
        public abstract string Name { get; set; }

        /// <summary>Also installs the saved lists, as Update-CodeEnv does.</summary>
        [Parameter]
        public SwitchParameter Update { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected void Save(string envName, string operation, string action, Action<PackageListEditor, EnvironmentDefinition> edit)
        {
            ForItem(envName, () =>
            {
                EnvironmentName.Validate(envName);
                var service = Environments();
                if (!ShouldProcess(envName, action + (Update ? " and update" : "")))
                {
                    return;
                }

                var saved = RunEngine((reporter, token) => Task.FromResult(service.EditPackages(envName, operation, edit, reporter, token)));
                if (Update)
                {
                    saved = RunEngine((reporter, token) => service.UpdateAsync(envName, new UpdateOptions(), reporter, token));
                }

                if (PassThru)
                {
                    WriteObject(saved);
                }
            });
        }
    }
}
