namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: the Header payload, laid out as a Rows payload (the unit index, then the bytes): a
/// unit's header line whole, with its terminator. The reader copies it (headers are small and rare).
/// </summary>
internal static class HeaderCodec
{
    public const int PrefixBytes = RowsCodec.PrefixBytes;

    public static void WritePrefix(Span<byte> prefix, int unit) => RowsCodec.WritePrefix(prefix, unit);

    public static HeaderMessage Read(ReadOnlySpan<byte> payload, int worker)
    {
        var fields = new PayloadReader(payload);
        var unit = fields.Int32();
        return new HeaderMessage(worker, unit, fields.Rest.ToArray());
    }
}
