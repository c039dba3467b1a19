using System.CommandLine;

namespace TaxiScan.Cli.Options;

/// <summary>
/// <c>--max-count</c>, <c>-m</c>: at most N rows per file, N at least 1. (0 would be <c>-q</c> without its exit
/// status, and grep's meaning of it surprises more than it helps.)
/// </summary>
internal sealed class MaxCountOption : Option<long?>
{
    public MaxCountOption()
        : base("--max-count", "-m")
    {
        Description = "Print at most N matching rows of each file (its first N); files are then not cut among workers.";
        HelpName = "N";
        Validators.Add(result => LastToken.Check(result, Check));
    }

    /// <summary>The error for the value as given, or null when it is a whole number of at least 1.</summary>
    public static string? Check(string text) =>
        long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? Check(value)
            : $"--max-count must be a whole number of at least 1, not '{text}'";

    /// <summary>The error for a parsed value, or null when it is absent or at least 1.</summary>
    public static string? Check(long? value) => value is < 1 ? "--max-count must be at least 1" : null;
}
