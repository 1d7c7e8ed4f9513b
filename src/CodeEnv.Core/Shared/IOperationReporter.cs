namespace CodeEnv
{
    /// <summary>
    /// Where long operations say what they are doing. Calls may come from any thread (a child process's output
    /// arrives on pool threads); the cmdlets queue them and write them on the pipeline thread.
    /// </summary>
    public interface IOperationReporter
    {
        void Verbose(string message);

        void Warning(string message);

        /// <param name="percent">0 to 100, or -1 when unknown.</param>
        void Progress(string activity, string status, int percent);

        void ProgressCompleted(string activity);
    }
}
