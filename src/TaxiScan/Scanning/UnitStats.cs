namespace TaxiScan.Scanning;

/// <summary>Counts for one unit of work (a file), or summed over many.</summary>
internal readonly record struct UnitStats(long Bytes, long Rows, long Matched, long Malformed, long ElapsedMicroseconds)
{
    public UnitStats Add(UnitStats other) => new(
        Bytes + other.Bytes,
        Rows + other.Rows,
        Matched + other.Matched,
        Malformed + other.Malformed,
        ElapsedMicroseconds + other.ElapsedMicroseconds);
}
