using System;

namespace CodeEnv.Security
{
    /// <summary>
    /// Declares, on an operation of the engine's contract (the interfaces under Operations/Contracts), what its caller
    /// must hold (all of them, where there are several) before the operation does anything, and which of its parameters
    /// name envs that the right is needed on. Every operation has at least one. The service checks it for its caller as
    /// it dispatches a request (Service/RequestAuthorization); the engine's own checks say the same for a direct root.
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
