
namespace TaxiScan.Model;

/// <summary>
/// The validated result of parsing <c>taxiscan find</c>: everything past <c>Cli/</c> sees this
/// immutable record, never System.CommandLine.
/// </summary>
internal sealed record ScanOptions
{
    /// <summary>The inputs as the user named them: files, directories or <c>-</c> (stdin), in command-line order.</summary>
    public required IReadOnlyList<string> Paths { get; init; }

    /// <summary>What a row must satisfy to be printed.</summary>
    public required MatchSpec Match { get; init; }

    /// <summary>How many worker processes to start (1 to 64); fewer when there are fewer inputs.</summary>
    public required int Workers { get; init; }

    /// <summary>How many times a unit whose worker died is scanned again by a fresh worker before the run gives it up.</summary>
    public int Retries { get; init; } = 1;

    /// <summary>The output file (written atomically), or null for stdout.</summary>
    public string? OutputPath { get; init; }

    /// <summary>Print the inputs' header line (once) before the rows.</summary>
    public bool PrintHeader { get; init; } = true;

    /// <summary>The rows, or a count or list of files in their place (<c>--count</c>, <c>--total</c>, <c>-l</c>, <c>-q</c>).</summary>
    public OutputMode Mode { get; init; } = OutputMode.Rows;

    /// <summary>At most this many matching rows per file (<c>--max-count</c>), or null for all.</summary>
    public long? MaxCount { get; init; }

    /// <summary>Put the file's path (<c>-H</c>) and the row's line number (<c>-n</c>) in front of each row as CSV fields.</summary>
    public bool WithFileName { get; init; }

    /// <inheritdoc cref="WithFileName"/>
    public bool LineNumber { get; init; }

    /// <summary>End each path of <c>-l</c> and <c>--count</c> with a NUL byte rather than a line break or colon (<c>--null</c>).</summary>
    public bool NullSeparated { get; init; }

    /// <summary>What the workers send back of each unit's matches, for this output mode.</summary>
    public RowDelivery Delivery => Mode switch
    {
        OutputMode.Rows => new RowDelivery
        {
            MatchesPerUnit = MaxCount ?? long.MaxValue,
            FileNameField = WithFileName,
            LineNumberField = LineNumber,
        },
        OutputMode.FilesWithMatches or OutputMode.Quiet => new RowDelivery { SendRows = false, MatchesPerUnit = 1 },
        _ => new RowDelivery { SendRows = false, MatchesPerUnit = MaxCount ?? long.MaxValue },
    };

    /// <summary>Scan only this shard of the input (<c>--shard K/N</c>), or null for all of it.</summary>
    public ShardSpec? Shard { get; init; }

    /// <summary>Malformed rows make the run fail (exit 2).</summary>
    public bool Strict { get; init; }

    /// <summary>The <c>--glob</c> patterns that select files in directories (<c>!</c> excludes); empty for the default extensions.</summary>
    public IReadOnlyList<string> Globs { get; init; } = [];

    /// <summary>A regular expression whose first group, found in a file's path, is that file's id; null to read ids from rows.</summary>
    public string? IdFromPath { get; init; }

    public ProgressMode Progress { get; init; } = ProgressMode.Auto;

    /// <summary>A compact-JSON log written by the coordinator and every worker, or null.</summary>
    public string? LogFilePath { get; init; }

    /// <summary>Where <c>--stats</c> writes its JSON report at the end: a file, <c>-</c> for stderr, or null for none.</summary>
    public string? StatsPath { get; init; }

    public bool Verbose { get; init; }

    /// <summary>The inclusive range <c>--workers</c> accepts.</summary>
    public const int MinWorkers = 1;

    /// <inheritdoc cref="MinWorkers"/>
    public const int MaxWorkers = 64;

    /// <summary>The most <c>--retries</c> accepts.</summary>
    public const int MaxRetries = 10;
}
