using TaxiScan.Model;

namespace TaxiScan.Matching;

/// <summary>The verdict on one row.</summary>
internal enum RowVerdict
{
    /// <summary>The row's id is not one of the ids.</summary>
    NoMatch,

    /// <summary>The row's id is one of the ids: the row goes to the output.</summary>
    Match,

    /// <summary>The row cannot be read as a record of this dialect; it is counted and reported.</summary>
    Malformed,
}

/// <summary>
/// The matching stage of the line path: decides, for one unquoted row of raw bytes (line terminator
/// excluded), whether it is printed. Implementations allocate nothing per row.
/// </summary>
internal interface IRowMatcher
{
    RowVerdict Classify(ReadOnlySpan<byte> row);

    /// <summary>Why <paramref name="row"/> was <see cref="RowVerdict.Malformed"/>; called only for malformed rows.</summary>
    (MalformedKind Kind, string Reason) Explain(ReadOnlySpan<byte> row);
}
