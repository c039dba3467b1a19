namespace TaxiScan.Tests.Unit.Protocol;

/// <summary>
/// What every codec test checks besides the round trip: a payload cut short anywhere (the worker died
/// mid-write, or the two ends disagree on the layout) is refused, never read as other values.
/// </summary>
internal static class PayloadCuts
{
    /// <param name="payload">A whole payload.</param>
    /// <param name="read">The codec's read side.</param>
    /// <param name="shortest">The first cut to try: for payloads that end in free bytes, the fixed fields' length.</param>
    public static void EveryCutIsRejected(byte[] payload, Func<byte[], object?> read, int shortest = 0)
    {
        Assert.NotNull(read(payload));
        for (var length = shortest; length < payload.Length; length++)
        {
            var cut = payload[..length];
            Assert.Throws<InvalidDataException>(() => read(cut));
        }
    }

    /// <summary>A payload with a byte past its last field is one of another layout.</summary>
    public static void AByteTooManyIsRejected(byte[] payload, Func<byte[], object?> read) =>
        Assert.Throws<InvalidDataException>(() => read([.. payload, 0]));
}
