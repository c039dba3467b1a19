using TaxiScan.Model;

namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: a sub-part shared by UnitFinished and PartitionFinished, the counts of a unit or a
/// partition: bytes, rows, matched, malformed, microseconds, lines.
/// </summary>
internal static class UnitStatsCodec
{
    public static PayloadWriter Write(PayloadWriter payload, UnitStats stats) =>
        payload.Int64(stats.Bytes).Int64(stats.Rows).Int64(stats.Matched).Int64(stats.Malformed).Int64(stats.ElapsedMicroseconds).Int64(stats.Lines);

    public static UnitStats Read(ref PayloadReader fields) =>
        new(fields.Int64(), fields.Int64(), fields.Int64(), fields.Int64(), fields.Int64(), fields.Int64());
}
