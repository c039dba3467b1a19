using TaxiScan.Model;
using TaxiScan.Protocol;

namespace TaxiScan.Tests.Unit.Protocol;

public class PartitionFinishedCodecTests
{
    [Fact]
    public void A_partition_finished_round_trips_its_unit_count_and_totals()
    {
        var totals = new UnitStats(9_000_000_000, 80_000_000, 300, 4, 12_345_678, 80_000_001);
        var payload = PartitionFinishedCodec.Write(new PayloadWriter(), 42, totals).Written.ToArray();

        Assert.Equal(new PartitionFinishedMessage(5, 42, totals), PartitionFinishedCodec.Read(payload, 5));
        PayloadCuts.EveryCutIsRejected(payload, bytes => PartitionFinishedCodec.Read(bytes, 5));
        PayloadCuts.AByteTooManyIsRejected(payload, bytes => PartitionFinishedCodec.Read(bytes, 5));
    }
}
