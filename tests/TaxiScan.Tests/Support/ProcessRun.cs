namespace TaxiScan.Tests.Support;

/// <summary>
/// The names by which tests ran programs other than taxiscan before <see cref="TaxiScanRun"/> became the one
/// process runner; each forwards to it. Kept while DocumentationTests still calls them: new code calls
/// <see cref="TaxiScanRun.RunProgram"/>, and this class goes once nothing does.
/// </summary>
internal static class ProcessRun
{
    public static string TaxiScanDirectory => TaxiScanRun.BinaryDirectory;

    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, string program, params string[] arguments) =>
        TaxiScanRun.RunProgram(workingDirectory, environment, timeout, program, arguments);

    public static Dictionary<string, string?> WithOnPath(string directory) => TaxiScanRun.WithOnPath(directory);
}
