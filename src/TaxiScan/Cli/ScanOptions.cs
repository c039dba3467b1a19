using TaxiScan.Matching;

namespace TaxiScan.Cli;

/// <summary>
/// The validated result of parsing <c>taxiscan find</c>: everything past <c>Cli/</c> sees this
/// immutable record, never System.CommandLine.
/// </summary>
internal sealed record ScanOptions
{
    /// <summary>The inputs as the user named them: files or directories, in command-line order.</summary>
    public required IReadOnlyList<string> Paths { get; init; }

    /// <summary>What a row must satisfy to be printed.</summary>
    public required MatchSpec Match { get; init; }

    /// <summary>How many worker processes to start (1 to 64); fewer when there are fewer inputs.</summary>
    public required int Workers { get; init; }

    /// <summary>The output file (written atomically), or null for stdout.</summary>
    public string? OutputPath { get; init; }

    public ProgressMode Progress { get; init; } = ProgressMode.Auto;

    /// <summary>A compact-JSON log written by the coordinator and every worker, or null.</summary>
    public string? LogFilePath { get; init; }

    public bool Verbose { get; init; }

    /// <summary>The inclusive range <c>--workers</c> accepts.</summary>
    public const int MinWorkers = 1;

    /// <inheritdoc cref="MinWorkers"/>
    public const int MaxWorkers = 64;
}
