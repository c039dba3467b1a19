using System.Text;

namespace TaxiScan.Tests.Support;

/// <summary>
/// The outcome of one run of a program (taxiscan, a shell, the dotnet CLI, a Slurm client) by
/// <see cref="TaxiScanRun"/>: exact stdout bytes, stderr text, exit code and how long it took.
/// </summary>
internal record ProcessResult(string Command, int ExitCode, byte[] Stdout, string Stderr, TimeSpan Elapsed)
{
    public string StdoutText => Encoding.UTF8.GetString(Stdout);

    public string[] StdoutLines => StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Everything a failing assertion needs to be understood without re-running.</summary>
    public sealed override string ToString() =>
        $"$ {Command}\nexit code: {ExitCode} after {Elapsed.TotalSeconds:F1} s\n--- stdout ({Stdout.Length} bytes) ---\n{Truncate(StdoutText)}\n--- stderr ---\n{Truncate(Stderr)}";

    private static string Truncate(string text) => text.Length > 4000 ? text[..4000] + "..." : text;
}
