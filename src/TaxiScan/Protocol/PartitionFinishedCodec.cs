using TaxiScan.Model;

namespace TaxiScan.Protocol;

/// <summary>Protocol stage: the PartitionFinished payload, a worker's last frame: its unit count and totals (<see cref="UnitStatsCodec"/>).</summary>
internal static class PartitionFinishedCodec
{
    public static PayloadWriter Write(PayloadWriter payload, int units, UnitStats totals) =>
        UnitStatsCodec.Write(payload.Int32(units), totals);

    public static PartitionFinishedMessage Read(ReadOnlySpan<byte> payload, int worker)
    {
        var fields = new PayloadReader(payload);
        var units = fields.Int32();
        var message = new PartitionFinishedMessage(worker, units, UnitStatsCodec.Read(ref fields));
        fields.End();
        return message;
    }
}
