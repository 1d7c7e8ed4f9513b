using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.Security;

namespace CodeEnv.Service
{
    /// <summary>
    /// The operations of the engine's contract (<see cref="EngineContract"/>) with what each requires, read once from
    /// their <see cref="RequiresAttribute"/>s: the one table every request is authorized by.
    /// </summary>
    internal static class ServiceOperations
    {
        private static readonly IReadOnlyDictionary<string, Operation> ByName =
            EngineContract.Operations.ToDictionary(o => o.Key, o => Describe(o.Key, o.Value), StringComparer.Ordinal);

        /// <summary>Every operation of the contract, declared or not.</summary>
        public static IReadOnlyCollection<Operation> All => ByName.Values.ToList();

        /// <summary>The operation <paramref name="name"/>; one whose declaration is missing or incomplete is refused to every caller.</summary>
        public static Operation Of(string name) =>
            ByName.TryGetValue(name, out var operation) && operation.IsDeclared
                ? operation
                : throw new CodeEnvException(ErrorIds.OperationNotDeclared, $"The CodeEnv service does not offer '{name}' to callers.", name);

        private static Operation Describe(string name, MethodInfo method)
        {
            var parameters = method.GetParameters();
            var checks = method.GetCustomAttributes<RequiresAttribute>()
                .Select(r => new Check(r, r.EnvironmentParameters.Select(name => (Name: name, Position: Array.FindIndex(parameters, p => p.Name == name && p.ParameterType == typeof(string)))).ToList()))
                .ToList();
            return new Operation(name, method, checks);
        }

        public sealed class Operation
        {
            public Operation(string name, MethodInfo method, IReadOnlyList<Check> checks)
            {
                Name = name;
                Method = method;
                Checks = checks;
            }

            /// <summary>The operation's name on the wire, such as "Packages/SetPackagesAsync".</summary>
            public string Name { get; }

            public MethodInfo Method { get; }

            public IReadOnlyList<Check> Checks { get; }

            /// <summary>At least one requirement, each env-level one naming only string parameters the operation has.</summary>
            public bool IsDeclared => Checks.Count > 0 && Checks.All(c => c.IsComplete);
        }

        /// <summary>One requirement and where, in a request's arguments, the envs it concerns are.</summary>
        public sealed class Check
        {
            public Check(RequiresAttribute requires, IReadOnlyList<(string Name, int Position)> environments)
            {
                Requires = requires;
                Environments = environments;
            }

            public RequiresAttribute Requires { get; }

            public IReadOnlyList<(string Name, int Position)> Environments { get; }

            public bool IsComplete =>
                Environments.All(e => e.Position >= 0)
                && (Requires.Requirement < CallerRequirement.Use) == (Environments.Count == 0);
        }
    }
}
