namespace TaxiScan.Model;

/// <summary>
/// Counts for one unit of work (a file or a byte range of one), or summed over many. <c>Lines</c> counts
/// the line breaks read: what the next byte range of the same file adds to its line numbers.
/// </summary>
internal readonly record struct UnitStats(long Bytes, long Rows, long Matched, long Malformed, long ElapsedMicroseconds, long Lines = 0)
{
    public UnitStats Add(UnitStats other) => new(
        Bytes + other.Bytes,
        Rows + other.Rows,
        Matched + other.Matched,
        Malformed + other.Malformed,
        ElapsedMicroseconds + other.ElapsedMicroseconds,
        Lines + other.Lines);
}
