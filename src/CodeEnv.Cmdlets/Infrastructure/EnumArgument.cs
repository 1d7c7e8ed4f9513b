namespace CodeEnv.Cmdlets.Infrastructure
{
    /// <summary>
    /// Engine enums arrive as strings checked by [ValidateSet]: a parameter of an engine value type would make
    /// PowerShell load the engine while it scans the cmdlets, before the module initializer can resolve it.
    /// </summary>
    internal static class EnumArgument
    {
        public static T Parse<T>(string value)
            where T : struct => (T)System.Enum.Parse(typeof(T), value, ignoreCase: true);

        public static T? ParseOptional<T>(string? value)
            where T : struct => value == null ? (T?)null : Parse<T>(value);
    }
}
