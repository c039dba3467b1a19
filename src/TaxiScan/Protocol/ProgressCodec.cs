namespace TaxiScan.Protocol;

/// <summary>Protocol stage: the Progress payload, a partition's bytes, rows and matches so far.</summary>
internal static class ProgressCodec
{
    public static PayloadWriter Write(PayloadWriter payload, long bytes, long rows, long matches) =>
        payload.Int64(bytes).Int64(rows).Int64(matches);

    public static ProgressMessage Read(ReadOnlySpan<byte> payload, int worker)
    {
        var fields = new PayloadReader(payload);
        var message = new ProgressMessage(worker, fields.Int64(), fields.Int64(), fields.Int64());
        fields.End();
        return message;
    }
}
