using TaxiScan.Protocol;

namespace TaxiScan.Tests.Unit.Protocol;

public class ProgressCodecTests
{
    [Fact]
    public void A_progress_round_trips_bytes_rows_and_matches_beyond_32_bits()
    {
        var payload = ProgressCodec.Write(new PayloadWriter(), 5_000_000_000, 70_000_000, 12).Written.ToArray();

        Assert.Equal(new ProgressMessage(1, 5_000_000_000, 70_000_000, 12), ProgressCodec.Read(payload, 1));
        PayloadCuts.EveryCutIsRejected(payload, bytes => ProgressCodec.Read(bytes, 1));
        PayloadCuts.AByteTooManyIsRejected(payload, bytes => ProgressCodec.Read(bytes, 1));
    }
}
