using System.CommandLine;
using TaxiScan.Model;

namespace TaxiScan.Cli.Options;

/// <summary>
/// <c>--workers</c>, <c>-w</c>: how many worker processes, <see cref="ScanOptions.MinWorkers"/> to
/// <see cref="ScanOptions.MaxWorkers"/>; the default is the processor count within those bounds.
/// </summary>
internal sealed class WorkersOption : Option<int>
{
    public WorkersOption()
        : base("--workers", "-w")
    {
        Description = $"Worker processes to start ({ScanOptions.MinWorkers}-{ScanOptions.MaxWorkers}; default: the number of processors).";
        HelpName = "N";
        DefaultValueFactory = _ => Default(Environment.ProcessorCount);
        Validators.Add(result => LastToken.Check(result, Check));
    }

    /// <summary>The default for a machine with <paramref name="processors"/> processors.</summary>
    public static int Default(int processors) => Math.Clamp(processors, ScanOptions.MinWorkers, ScanOptions.MaxWorkers);

    /// <summary>The error for a value, or null when it is a whole number in range.</summary>
    public static string? Check(string text) =>
        int.TryParse(text, out var workers) && workers >= ScanOptions.MinWorkers && workers <= ScanOptions.MaxWorkers
            ? null
            : $"--workers must be a whole number from {ScanOptions.MinWorkers} to {ScanOptions.MaxWorkers}, not '{text}'";
}
