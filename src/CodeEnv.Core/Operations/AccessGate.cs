using System.Collections.Generic;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Checks a <see cref="CallerRequirement"/> for the caller against the root's settings and the definitions of the
    /// envs a request names, before anything else of the request is touched. Env names are validated first, so a name
    /// can never lead the check outside envs/.
    /// </summary>
    internal sealed class AccessGate
    {
        private readonly EngineContext context;

        public AccessGate(EngineContext context)
        {
            this.context = context;
        }

        /// <summary>Throws PermissionDenied (or NotFound for an env that does not exist) unless the caller meets <paramref name="requirement"/>.</summary>
        /// <param name="action">What the caller asked to do, as the error says it: "read the logs of".</param>
        public void Require(CallerRequirement requirement, string action, IEnumerable<string?> environments)
        {
            var settings = context.Settings();
            var caller = context.Caller;
            switch (requirement)
            {
                case CallerRequirement.AnyLocalUser:
                    return;
                case CallerRequirement.Creator:
                    AccessPolicy.RequireCreator(settings, caller);
                    return;
                case CallerRequirement.Administrator:
                    AccessPolicy.RequireAdministrator(settings, caller, action);
                    return;
            }

            foreach (var name in environments)
            {
                var definition = context.Read(name ?? "");
                AccessPolicy.Require(definition, settings, caller, RightOf(requirement), action);
            }
        }

        private static EnvironmentRight RightOf(CallerRequirement requirement) =>
            requirement == CallerRequirement.Use ? EnvironmentRight.Use
            : requirement == CallerRequirement.UpdatePackages ? EnvironmentRight.UpdatePackages
            : requirement == CallerRequirement.ManageUsers ? EnvironmentRight.ManageUsers
            : EnvironmentRight.Own;
    }
}
