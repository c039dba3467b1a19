using TaxiScan.Model;
using TaxiScan.Protocol;

namespace TaxiScan.Tests.Unit.Protocol;

public class UnitStatsCodecTests
{
    [Fact]
    public void Unit_stats_round_trip_every_count_in_order()
    {
        var stats = new UnitStats(Bytes: 6_000_000_000, Rows: 2, Matched: 3, Malformed: 4, ElapsedMicroseconds: 5, Lines: 6);
        var payload = UnitStatsCodec.Write(new PayloadWriter(), stats).Written.ToArray();

        Assert.Equal(stats, Read(payload));
        Assert.Equal(48, payload.Length);
        PayloadCuts.EveryCutIsRejected(payload, bytes => Read(bytes));
    }

    private static UnitStats Read(byte[] payload)
    {
        var fields = new PayloadReader(payload);
        var stats = UnitStatsCodec.Read(ref fields);
        fields.End();
        return stats;
    }
}
