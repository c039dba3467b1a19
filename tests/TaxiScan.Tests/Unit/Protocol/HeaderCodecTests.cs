using TaxiScan.Protocol;

namespace TaxiScan.Tests.Unit.Protocol;

public class HeaderCodecTests
{
    [Fact]
    public void A_header_round_trips_as_a_copy_with_its_terminator()
    {
        var payload = new byte[HeaderCodec.PrefixBytes + 13];
        HeaderCodec.WritePrefix(payload, 8);
        "taxi,lat,lon\n"u8.CopyTo(payload.AsSpan(HeaderCodec.PrefixBytes));

        var message = HeaderCodec.Read(payload, 1);
        payload[HeaderCodec.PrefixBytes] = (byte)'X'; // the frame buffer goes back to the pool: the header must not change with it

        Assert.Equal(1, message.Worker);
        Assert.Equal(8, message.Unit);
        Assert.Equal("taxi,lat,lon\n"u8.ToArray(), message.Header);
    }

    [Fact]
    public void A_header_payload_shorter_than_its_unit_index_is_rejected()
    {
        var payload = new byte[HeaderCodec.PrefixBytes];
        HeaderCodec.WritePrefix(payload, 3);

        PayloadCuts.EveryCutIsRejected(payload, bytes => HeaderCodec.Read(bytes, 1));
        Assert.Empty(HeaderCodec.Read(payload, 1).Header);
    }
}
