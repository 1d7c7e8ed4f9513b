using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace CodeEnv.Operations
{
    /// <summary>
    /// The contract's services as the service's connection names them: each property of <see cref="ICodeEnvEngine"/> is
    /// one service, and its methods are called "{property}/{method}" (such as "Packages/SetPackagesAsync"). Read from the
    /// interface itself, so a service or an operation added there is served, proxied and authorized with nothing else to
    /// edit.
    /// </summary>
    public static class EngineContract
    {
        public static readonly IReadOnlyList<ContractService> Services =
            typeof(ICodeEnvEngine).GetProperties().Select(p => new ContractService(p)).ToList();

        /// <summary>The service whose interface is <paramref name="contract"/>.</summary>
        public static ContractService ServiceOf(Type contract) => Services.Single(s => s.Interface == contract);

        /// <summary>Every operation of the contract by its name on the wire.</summary>
        public static readonly IReadOnlyDictionary<string, MethodInfo> Operations =
            Services.SelectMany(s => s.Interface.GetMethods().Select(m => (Name: s.OperationName(m), Method: m))).ToDictionary(o => o.Name, o => o.Method, StringComparer.Ordinal);
    }

    /// <summary>One service of the contract: its interface, and where an engine holds it.</summary>
    public sealed class ContractService
    {
        private readonly PropertyInfo property;

        internal ContractService(PropertyInfo property)
        {
            this.property = property;
        }

        public Type Interface => property.PropertyType;

        /// <summary>What the service's operations are prefixed with on the wire.</summary>
        public string Prefix => property.Name + "/";

        public string OperationName(MethodInfo method) => Prefix + method.Name;

        public object Of(ICodeEnvEngine engine) => property.GetValue(engine)!;
    }
}
