namespace CodeEnv
{
    public enum ContainerSelectionMode
    {
        None,
        All,
        Selected,
    }
}
