namespace TaxiScan.Matching;

/// <summary>
/// A candidate search's first filter, as three bytes at fixed distances: <see cref="First"/> at a
/// position, <see cref="Second"/> <see cref="SecondAt"/> bytes later and <see cref="Last"/>
/// <see cref="LastAt"/> bytes later. The block census applies it in the same pass as its counts (see
/// <c>BlockCensus</c>), so finding candidates costs no second read of the block. Three bytes, because
/// two are not rare enough: a line break and an id's last digit five bytes on occur in a tenth of all rows.
/// </summary>
internal readonly record struct NeedleFilter(byte First, byte Second, int SecondAt, byte Last, int LastAt)
{
    /// <summary>The filter of a needle's first byte and its last two (or its two bytes).</summary>
    public static NeedleFilter Of(ReadOnlySpan<byte> needle) => needle.Length >= 3
        ? new(needle[0], needle[^2], needle.Length - 2, needle[^1], needle.Length - 1)
        : new(needle[0], needle[0], 0, needle[^1], needle.Length - 1);
}
