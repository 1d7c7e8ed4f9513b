using CodeEnv.Errors;
using Mono.Cecil;

namespace CodeEnv.Core.Tests;

/// <summary>
/// The engine's folders depend downward only: a type may refer to types of its own layer and of the layers below it,
/// never above. Read from the compiled CodeEnv.Core, so every kind of reference counts, method bodies included.
/// </summary>
public class CoreLayeringTests
{
    /// <summary>
    /// Bottom to top. Interop (the libc declarations) under everything; the errors, then the root namespace (Model/,
    /// Shared/ and Platform), which everything else uses; Operations (the engine and its contracts) and the service on top.
    /// </summary>
    private static readonly string[] Layers =
    {
        "CodeEnv.Interop",
        "CodeEnv.Errors",
        "CodeEnv",
        "CodeEnv.Licenses",
        "CodeEnv.Store",
        "CodeEnv.Requirements",
        "CodeEnv.Python",
        "CodeEnv.Wheels",
        "CodeEnv.Retention",
        "CodeEnv.Integrity",
        "CodeEnv.Security",
        "CodeEnv.Packages",
        "CodeEnv.Usage",
        "CodeEnv.Resolution",
        "CodeEnv.Advisories",
        "CodeEnv.Containers",
        "CodeEnv.Gateway",
        "CodeEnv.Sbom",
        "CodeEnv.Operations",
        "CodeEnv.Service",
    };

    [Fact]
    public void Every_namespace_of_the_engine_has_a_layer()
    {
        using var engine = ReadEngine();
        var undeclared = EngineTypes(engine).Select(NamespaceOf).Distinct().Where(n => LayerOf(n) < 0).ToList();

        Assert.True(undeclared.Count == 0, "Namespaces with no layer in CoreLayeringTests.Layers: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void No_type_refers_to_a_type_of_a_layer_above_its_own()
    {
        using var engine = ReadEngine();
        var upward = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var type in EngineTypes(engine))
        {
            var outermost = Outermost(type);
            var layer = LayerOf(outermost.Namespace);
            foreach (var (referenced, where) in TypeReferences.Of(type))
            {
                var target = Outermost(referenced);
                if (LayerOf(target.Namespace) > layer)
                {
                    var violation = $"{outermost.FullName} (layer {outermost.Namespace}) refers to {target.FullName} (layer {target.Namespace}, above it)";
                    var place = type == outermost ? where : $"{where} of {type.Name}";
                    if (!upward.TryGetValue(violation, out var places))
                    {
                        upward[violation] = places = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    places.Add(place);
                }
            }
        }

        Assert.True(
            upward.Count == 0,
            $"{upward.Count} references go up a layer (the order is CoreLayeringTests.Layers, bottom to top: {string.Join(" < ", Layers)}):\n"
                + string.Join("\n", upward.Select(u => $"{u.Key}: {string.Join("; ", u.Value)}")));
    }

    private static ModuleDefinition ReadEngine() => ModuleDefinition.ReadModule(typeof(CodeEnvException).Assembly.Location);

    // Nested types too (lambdas' closures, async state machines): each counts as part of the type that declares it.
    private static IEnumerable<TypeDefinition> EngineTypes(ModuleDefinition engine) => engine.GetTypes().Where(t => IsEngineNamespace(NamespaceOf(t)));

    private static TypeReference Outermost(TypeReference type) => type.DeclaringType == null ? type : Outermost(type.DeclaringType);

    // A nested type's namespace is its outermost declaring type's (metadata leaves it empty).
    private static string NamespaceOf(TypeReference type) => Outermost(type).Namespace;

    // The compiler's own attributes (NullableAttribute and the like) are emitted into the assembly under System.* and Microsoft.*.
    private static bool IsEngineNamespace(string ns) => ns == "CodeEnv" || ns.StartsWith("CodeEnv.", StringComparison.Ordinal);

    private static int LayerOf(string ns) => Array.IndexOf(Layers, ns);
}
