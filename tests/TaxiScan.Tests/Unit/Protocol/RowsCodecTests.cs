using System.Buffers;
using TaxiScan.Protocol;

namespace TaxiScan.Tests.Unit.Protocol;

public class RowsCodecTests
{
    [Fact]
    public void Rows_are_read_in_place_after_the_unit_index_in_the_frames_own_buffer()
    {
        var payload = ArrayPool<byte>.Shared.Rent(64);
        RowsCodec.WritePrefix(payload, 123_456);
        "1,a\n1,b\r\n"u8.CopyTo(payload.AsSpan(RowsCodec.PrefixBytes));

        var message = RowsCodec.Read(payload, RowsCodec.PrefixBytes + 9, worker: 2);

        Assert.Equal(2, message.Worker);
        Assert.Equal(123_456, message.Unit);
        Assert.Same(payload, message.Buffer);
        Assert.Equal("1,a\n1,b\r\n"u8.ToArray(), message.Rows.ToArray());
        message.Release();
    }

    [Fact]
    public void A_rows_payload_shorter_than_its_unit_index_is_rejected()
    {
        var payload = new byte[RowsCodec.PrefixBytes];
        RowsCodec.WritePrefix(payload, 1);

        PayloadCuts.EveryCutIsRejected(payload, bytes => RowsCodec.Read(bytes, bytes.Length, 0));
        Assert.Equal(0, RowsCodec.Read(payload, payload.Length, 0).Count);
    }
}
