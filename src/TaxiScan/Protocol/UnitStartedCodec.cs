namespace TaxiScan.Protocol;

/// <summary>Protocol stage: the UnitStarted payload, the unit index a worker begins.</summary>
internal static class UnitStartedCodec
{
    public static PayloadWriter Write(PayloadWriter payload, int unit) => payload.Int32(unit);

    public static UnitStartedMessage Read(ReadOnlySpan<byte> payload, int worker)
    {
        var fields = new PayloadReader(payload);
        var message = new UnitStartedMessage(worker, fields.Int32());
        fields.End();
        return message;
    }
}
