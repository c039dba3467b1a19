using TaxiScan.Protocol;

namespace TaxiScan.Tests.Unit.Protocol;

public class UnitStartedCodecTests
{
    [Fact]
    public void A_unit_started_round_trips_its_unit_index()
    {
        var payload = UnitStartedCodec.Write(new PayloadWriter(), 70_001).Written.ToArray();

        Assert.Equal(new UnitStartedMessage(3, 70_001), UnitStartedCodec.Read(payload, 3));
        PayloadCuts.EveryCutIsRejected(payload, bytes => UnitStartedCodec.Read(bytes, 3));
        PayloadCuts.AByteTooManyIsRejected(payload, bytes => UnitStartedCodec.Read(bytes, 3));
    }
}
