namespace CodeEnv
{
    public sealed class NullReporter : IOperationReporter
    {
        public static readonly NullReporter Instance = new NullReporter();

        public void Verbose(string message)
        {
        }

        public void Warning(string message)
        {
        }

        public void Progress(string activity, string status, int percent)
        {
        }

        public void ProgressCompleted(string activity)
        {
        }
    }
}
