using Mono.Cecil;
using Mono.Cecil.Cil;

namespace CodeEnv.Core.Tests;

/// <summary>
/// Every type a compiled type refers to, with where: base type and interfaces, attributes, fields, properties,
/// events, method signatures and generic constraints, and method bodies (locals, caught types, and the types,
/// methods and fields each instruction names). Generic arguments, arrays and by-refs count as the types they hold.
/// </summary>
internal static class TypeReferences
{
    public static IEnumerable<(TypeReference Referenced, string Where)> Of(TypeDefinition type)
    {
        var found = new List<(TypeReference, string)>();
        void Add(TypeReference? reference, string where)
        {
            foreach (var each in Expanded(reference))
            {
                found.Add((each, where));
            }
        }

        void AddAttributes(ICustomAttributeProvider provider, string where)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType, where + " [attribute]");
                foreach (var argument in attribute.ConstructorArguments.Concat(attribute.Fields.Concat(attribute.Properties).Select(a => a.Argument)))
                {
                    Add(argument.Type, where + " [attribute]");
                    Add(argument.Value as TypeReference, where + " [attribute]");
                }
            }
        }

        void AddGenericParameters(IGenericParameterProvider provider, string where)
        {
            foreach (var parameter in provider.GenericParameters)
            {
                AddAttributes(parameter, where);
                foreach (var constraint in parameter.Constraints)
                {
                    Add(constraint.ConstraintType, where + " [constraint]");
                }
            }
        }

        void AddMethod(MethodReference method, string where)
        {
            Add(method.DeclaringType, where);
            Add(method.ReturnType, where);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType, where);
            }

            if (method is GenericInstanceMethod generic)
            {
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument, where);
                }
            }
        }

        Add(type.BaseType, "base type");
        foreach (var implemented in type.Interfaces)
        {
            Add(implemented.InterfaceType, "interface");
        }

        AddAttributes(type, "type");
        AddGenericParameters(type, "type");
        foreach (var field in type.Fields)
        {
            Add(field.FieldType, "field " + field.Name);
            AddAttributes(field, "field " + field.Name);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType, "property " + property.Name);
            AddAttributes(property, "property " + property.Name);
        }

        foreach (var @event in type.Events)
        {
            Add(@event.EventType, "event " + @event.Name);
            AddAttributes(@event, "event " + @event.Name);
        }

        foreach (var method in type.Methods)
        {
            var signature = "signature of " + method.Name;
            AddMethod(method, signature);
            AddAttributes(method, signature);
            AddAttributes(method.MethodReturnType, signature);
            AddGenericParameters(method, signature);
            foreach (var parameter in method.Parameters)
            {
                AddAttributes(parameter, signature);
            }

            if (!method.HasBody)
            {
                continue;
            }

            var body = "body of " + method.Name;
            foreach (var variable in method.Body.Variables)
            {
                Add(variable.VariableType, body);
            }

            foreach (var handler in method.Body.ExceptionHandlers)
            {
                Add(handler.CatchType, body);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference operand:
                        Add(operand, body);
                        break;
                    case MethodReference operand:
                        AddMethod(operand, body);
                        break;
                    case FieldReference operand:
                        Add(operand.DeclaringType, body);
                        Add(operand.FieldType, body);
                        break;
                    case CallSite operand:
                        Add(operand.ReturnType, body);
                        foreach (var parameter in operand.Parameters)
                        {
                            Add(parameter.ParameterType, body);
                        }

                        break;
                }
            }
        }

        return found;
    }

    /// <summary>The named types inside a reference: an array's element, a generic type and each of its arguments.</summary>
    private static IEnumerable<TypeReference> Expanded(TypeReference? reference)
    {
        switch (reference)
        {
            case null:
            case GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var each in Expanded(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Expanded)))
                {
                    yield return each;
                }

                yield break;
            case IModifierType modified:
                foreach (var each in Expanded(modified.ModifierType).Concat(Expanded(modified.ElementType)))
                {
                    yield return each;
                }

                yield break;
            case FunctionPointerType pointer:
                foreach (var each in Expanded(pointer.ReturnType).Concat(pointer.Parameters.SelectMany(p => Expanded(p.ParameterType))))
                {
                    yield return each;
                }

                yield break;
            case TypeSpecification specification:
                foreach (var each in Expanded(specification.ElementType))
                {
                    yield return each;
                }

                yield break;
            default:
                yield return reference;
                yield break;
        }
    }
}
