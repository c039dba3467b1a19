namespace TaxiScan.Tests.Support;

/// <summary>Where the repository, its samples, the test fixtures and the sibling <c>shared/</c> folder are.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string RealData => Path.Combine(Shared, "data", "real");

    public static string Generator => Path.Combine(Shared, "bench", "gen.py");

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The apphost of the real taxiscan binary, copied beside the tests by the project reference.</summary>
    public static string TaxiScanBinary => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "taxiscan.exe" : "taxiscan");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TaxiScan.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TaxiScan.sln not found above " + AppContext.BaseDirectory);
    }
}
