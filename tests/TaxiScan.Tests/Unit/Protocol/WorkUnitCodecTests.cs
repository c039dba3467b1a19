using TaxiScan.Model;
using TaxiScan.Protocol;

namespace TaxiScan.Tests.Unit.Protocol;

public class WorkUnitCodecTests
{
    private static readonly WorkUnit[] Units =
    [
        new WorkUnit(0, "/data/a.csv", "a.csv", 10),
        new WorkUnit(1, "/data/day 1\n.zip", "day 1\n.zip", 5_000_000_000, EveryRow: true, InputKind.ZipMember, "in/2008-02-02.txt", new ByteRange(0, 4_000_000_000)),
        new WorkUnit(2, "/data/big.csv.gz", "big.csv.gz", 7, Kind: InputKind.Gzip, Member: "", Range: new ByteRange(100, long.MaxValue)),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_unit_round_trips_its_paths_length_kind_member_and_range(int which)
    {
        var unit = Units[which];
        var payload = WorkUnitCodec.Write(new PayloadWriter(), unit).Written.ToArray();

        Assert.Equal(unit, Read(payload));
        PayloadCuts.EveryCutIsRejected(payload, bytes => Read(bytes));
    }

    private static WorkUnit Read(byte[] payload)
    {
        var fields = new PayloadReader(payload);
        var unit = WorkUnitCodec.Read(ref fields);
        fields.End();
        return unit;
    }
}
