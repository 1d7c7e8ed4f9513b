namespace CodeEnv.Store
{
    /// <summary>One field of a definition that a revision changed, with its values as JSON text.</summary>
    public sealed class FieldChange
    {
        public string Field { get; set; } = "";

        public string? Before { get; set; }

        public string? After { get; set; }

        public override string ToString() => $"{Field}: {Before ?? "(none)"} -> {After ?? "(none)"}";
    }
}
