using TaxiScan.Cli;

namespace TaxiScan;

/// <summary>Entry point: everything, parse errors included, is <see cref="CliEntry"/>'s.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => CliEntry.RunAsync(args);
}
