namespace TaxiScan.Model;

/// <summary>
/// What a row must satisfy, in a form that crosses to the workers unchanged: the ids, how to compare
/// them, and what the user said about the dialect (every part left unsaid is detected per file by
/// the dialect sniffer (Scanning)). Dialects grow here and in the matching and scanning stages, never in the
/// process or pipe code.
/// </summary>
internal sealed record MatchSpec
{
    /// <summary>The ids to match, as text; a row matches when its id field equals one of them.</summary>
    public required IReadOnlyList<string> Ids { get; init; }

    /// <summary>Compare ids as integers (<c>011865</c> equals <c>11865</c>) rather than as exact text.</summary>
    public bool Numeric { get; init; }

    /// <summary>Where the id is: a 1-based column index, or a header name.</summary>
    public ColumnChoice Column { get; init; } = ColumnChoice.First;

    /// <summary>The field separator, or <see cref="DelimiterChoice.Auto"/> to detect it per file.</summary>
    public DelimiterChoice Delimiter { get; init; } = DelimiterChoice.Auto;

    /// <summary>Whether files start with a header line, or <see cref="HeaderChoice.Auto"/> to detect it per file.</summary>
    public HeaderChoice Header { get; init; } = HeaderChoice.Auto;

    /// <summary>The input's text encoding (its canonical name, see <see cref="TextEncodings"/>).</summary>
    public string InputEncoding { get; init; } = TextEncodings.Utf8Name;

    /// <summary>Convert output rows from <see cref="InputEncoding"/> to UTF-8.</summary>
    public bool OutputUtf8 { get; init; }

    /// <summary>
    /// Judge every row on the exact path (<c>--strict</c>), so that every malformed row is found; by
    /// default the fast path skips rows that cannot match without splitting them into fields.
    /// </summary>
    public bool ExamineEveryRow { get; init; }
}

/// <summary>How the id column was chosen: <c>-c 5</c> (1-based <see cref="Index"/>) or <c>-c TAXI_ID</c> (<see cref="Name"/>).</summary>
internal readonly record struct ColumnChoice(int Index, string? Name)
{
    public static ColumnChoice First => new(1, null);

    /// <summary>As the user wrote it (shown as the default in --help).</summary>
    public override string ToString() => Name ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The field separator the user chose, if any.</summary>
internal readonly record struct DelimiterChoice(DelimiterKind Kind, byte Byte)
{
    public static DelimiterChoice Auto => new(DelimiterKind.Auto, 0);

    public static DelimiterChoice SpaceRuns => new(DelimiterKind.SpaceRuns, (byte)' ');

    public static DelimiterChoice Of(byte delimiter) => new(DelimiterKind.Byte, delimiter);

    /// <summary>As the user would write it (shown as the default in --help).</summary>
    public override string ToString() => Kind switch
    {
        DelimiterKind.Auto => "auto",
        DelimiterKind.SpaceRuns => "space",
        _ => Dialect.Printable(Byte),
    };
}

internal enum DelimiterKind : byte
{
    /// <summary>Detected from each file's first lines.</summary>
    Auto = 0,

    /// <summary>One byte separates fields.</summary>
    Byte = 1,

    /// <summary>Runs of spaces and tabs separate fields; blanks at the ends of a line are not fields (cabspotting).</summary>
    SpaceRuns = 2,
}

internal enum HeaderChoice : byte
{
    Auto = 0,
    Present = 1,
    Absent = 2,
}
