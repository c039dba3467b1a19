namespace TaxiScan.Model;

/// <summary>
/// What a worker sends back of each unit's matches, as the output mode needs them: the rows or only
/// their count, at most how many per unit, and which fields to put in front of each row. It crosses to
/// the workers in their job, so that they stop reading a file once it has given all that is wanted.
/// </summary>
internal sealed record RowDelivery
{
    /// <summary>Send the matching rows; false when only the count in the unit's summary is printed.</summary>
    public bool SendRows { get; init; } = true;

    /// <summary>Stop a unit after this many matches (<c>--max-count</c>; 1 for <c>-l</c> and <c>-q</c>).</summary>
    public long MatchesPerUnit { get; init; } = long.MaxValue;

    /// <summary>Put the file's path in front of each row as a CSV field (<c>--with-filename</c>).</summary>
    public bool FileNameField { get; init; }

    /// <summary>Put the row's line number in front of each row as a CSV field (<c>--line-number</c>).</summary>
    public bool LineNumberField { get; init; }

    /// <summary>The default: every matching row, as it is.</summary>
    public static RowDelivery AllRows { get; } = new();

    /// <summary>
    /// Whether each file must be read by one worker from its start. A row's line number is only known to a
    /// worker that read every line before it, and the first N rows of a file (<c>--max-count</c>) are cut
    /// short by the one worker that sees them in order; the path field needs the file's dialect, which
    /// only the worker that reads the file's start learns.
    /// </summary>
    public bool NeedsWholeFiles => (SendRows && MatchesPerUnit != long.MaxValue) || FileNameField || LineNumberField;
}
