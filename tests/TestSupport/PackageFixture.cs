namespace CodeEnv.TestSupport;

/// <summary>
/// A find-links folder of real wheels for package tests, offline: alpha needs beta (2.0 needs a newer beta), gamma
/// has an extra that pulls in delta, epsilon's only dependency is for Python 2, ipykernel stands in for Jupyter's
/// kernel, and stray is for drift.
/// </summary>
public static class PackageFixture
{
    public static string Write(string folder)
    {
        WheelBuilder.Write(folder, "alpha", "1.0", requires: new[] { "beta>=1.0" });
        WheelBuilder.Write(folder, "alpha", "2.0", requires: new[] { "beta>=1.5" });
        WheelBuilder.Write(folder, "beta", "1.0");
        WheelBuilder.Write(folder, "beta", "1.5");
        WheelBuilder.Write(folder, "gamma", "1.0", requires: new[] { "delta; extra == \"fast\"" }, extras: new[] { "fast" });
        WheelBuilder.Write(folder, "delta", "1.0");
        WheelBuilder.Write(folder, "epsilon", "1.0", requires: new[] { "zeta; python_version < \"3\"" });
        WheelBuilder.Write(folder, "ipykernel", "6.29.5");
        WheelBuilder.Write(folder, "stray", "0.1");
        return folder;
    }
}
