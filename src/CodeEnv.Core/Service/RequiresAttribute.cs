using System;
using CodeEnv.Security;

namespace CodeEnv.Service
{
    /// <summary>
    /// Declares, on an operation of <see cref="IServiceContract"/>, what its caller must hold (all of them, where there are several) before the service does
    /// anything with the request (<see cref="AuthorizingRpc"/> checks it as it dispatches), and which of its parameters
    /// name envs that the right is needed on. Every operation has at least one.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
    public sealed class RequiresAttribute : Attribute
    {
        /// <param name="requirement">The least the caller must hold.</param>
        /// <param name="action">What the operation does, as a refusal says it: "may not {action} the env 'x'".</param>
        /// <param name="environmentParameters">The parameters that name envs; an env-level requirement needs at least one.</param>
        public RequiresAttribute(CallerRequirement requirement, string action, params string[] environmentParameters)
        {
            Requirement = requirement;
            Action = action;
            EnvironmentParameters = environmentParameters;
        }

        public CallerRequirement Requirement { get; }

        public string Action { get; }

        public string[] EnvironmentParameters { get; }
    }
}
