using TaxiScan.Model;

namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: the UnitFinished payload: unit index, status, the unit's counts
/// (<see cref="UnitStatsCodec"/>), then its malformed rows by kind (no delimiter, short, bad quoting,
/// NUL, too long).
/// </summary>
internal static class UnitFinishedCodec
{
    public static PayloadWriter Write(PayloadWriter payload, int unit, UnitStatus status, UnitStats stats, MalformedCounts byKind) =>
        UnitStatsCodec.Write(payload.Int32(unit).Byte((byte)status), stats)
            .Int64(byKind.NoDelimiter).Int64(byKind.ShortRow).Int64(byKind.BadQuoting).Int64(byKind.Binary).Int64(byKind.TooLong);

    public static UnitFinishedMessage Read(ReadOnlySpan<byte> payload, int worker)
    {
        var fields = new PayloadReader(payload);
        var (unit, status) = (fields.Int32(), (UnitStatus)fields.Byte());
        var stats = UnitStatsCodec.Read(ref fields);
        var byKind = new MalformedCounts(fields.Int64(), fields.Int64(), fields.Int64(), fields.Int64(), fields.Int64());
        fields.End();
        return new UnitFinishedMessage(worker, unit, status, stats, byKind);
    }
}
