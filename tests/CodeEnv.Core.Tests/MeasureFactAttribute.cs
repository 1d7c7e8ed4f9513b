namespace CodeEnv.Core.Tests;

/// <summary>
/// A fact that runs only with CODEENV_MEASURE=1: a measure prints figures against pip and costs a minute or more, and
/// proves nothing the suite needs (the benchmarks under bench/ are the figures of record).
/// </summary>
public sealed class MeasureFactAttribute : FactAttribute
{
    public MeasureFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CODEENV_MEASURE") != "1")
        {
            Skip = "a measure: run it with CODEENV_MEASURE=1";
        }
    }
}
