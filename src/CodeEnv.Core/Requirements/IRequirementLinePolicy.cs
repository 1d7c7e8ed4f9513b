namespace CodeEnv.Requirements
{
    /// <summary>
    /// What a caller may write in requirement lines beyond what pip accepts: the parser asks, the package rules
    /// (<see cref="Packages.RequirementOptionPolicy"/>) answer, so who may do what is decided in one place.
    /// </summary>
    public interface IRequirementLinePolicy
    {
        /// <summary>Why <c>${VARIABLE}</c> expansion is refused, or null when it may stay.</summary>
        string? RefuseVariables();

        /// <summary>Why this pip option (written as <paramref name="named"/>) is refused, or null when it may stay.</summary>
        string? Refuse(PipOption option, string named);
    }

    /// <summary>Every line pip accepts: for administrators' lines and for metadata read from installed packages.</summary>
    public sealed class AnyRequirementLine : IRequirementLinePolicy
    {
        public static readonly AnyRequirementLine Instance = new AnyRequirementLine();

        public string? RefuseVariables() => null;

        public string? Refuse(PipOption option, string named) => null;
    }
}
