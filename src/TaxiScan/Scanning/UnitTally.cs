using TaxiScan.Model;

namespace TaxiScan.Scanning;

/// <summary>
/// The running counts of one unit, shared by the line path and the quoted path when a file is handed
/// from one to the other part-way, so rows, lines and bytes are counted once.
/// </summary>
internal sealed class UnitTally
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public long Bytes;
    public long Rows;
    public long Matched;
    public long Malformed;

    /// <summary>The 1-based line number where the next row starts.</summary>
    public long Line = 1;

    /// <summary>The next record is the header (the file has one and it has not been seen yet).</summary>
    public bool HeaderPending;

    /// <summary>The line path met a quote in a bounded byte range and stopped (see <see cref="ScanEnd.QuoteInRange"/>).</summary>
    public bool QuoteMetInRange;

    public UnitStats ToStats() => new(Bytes, Rows, Matched, Malformed, (long)_clock.Elapsed.TotalMicroseconds, Line - 1);
}
