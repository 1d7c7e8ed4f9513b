using System.Management.Automation;

namespace CodeEnv.Cmdlets.Tests;

public static class PSObjectExtensions
{
    /// <summary>A property as a script reads it ($o.Name), converted to T.</summary>
    public static T Get<T>(this PSObject value, string property)
    {
        var member = value.Properties[property];
        Assert.True(member != null, $"{value.TypeNames[0]} has no property '{property}'.");
        return LanguagePrimitives.ConvertTo<T>(member!.Value);
    }
}
