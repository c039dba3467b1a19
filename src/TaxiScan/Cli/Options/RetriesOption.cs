using System.CommandLine;
using TaxiScan.Model;

namespace TaxiScan.Cli.Options;

/// <summary>
/// <c>--retries</c>: how often a dead worker's unfinished units are scanned again, 0 to
/// <see cref="ScanOptions.MaxRetries"/> (default 1).
/// </summary>
internal sealed class RetriesOption : Option<int>
{
    public RetriesOption()
        : base("--retries")
    {
        Description = $"Scan a dead worker's unfinished files again in a fresh worker, up to N times each (0-{ScanOptions.MaxRetries}; default 1).";
        HelpName = "N";
        DefaultValueFactory = _ => 1;
        Validators.Add(result => LastToken.Check(result, Check));
    }

    /// <summary>The error for a value, or null when it is a whole number in range.</summary>
    public static string? Check(string text) =>
        int.TryParse(text, out var retries) && retries >= 0 && retries <= ScanOptions.MaxRetries
            ? null
            : $"--retries must be a whole number from 0 to {ScanOptions.MaxRetries}, not '{text}'";
}
