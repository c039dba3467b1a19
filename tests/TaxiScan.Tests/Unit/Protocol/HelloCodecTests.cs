using TaxiScan.Protocol;

namespace TaxiScan.Tests.Unit.Protocol;

public class HelloCodecTests
{
    [Fact]
    public void A_hello_round_trips_with_the_coordinators_worker_index_and_the_workers_pid()
    {
        var payload = HelloCodec.Write(new PayloadWriter(), ProtocolLimits.Version, workerIndex: 5, pid: 123_456).Written.ToArray();

        Assert.Equal(new HelloMessage(2, ProtocolLimits.Version, 123_456), HelloCodec.Read(payload, worker: 2));
        Assert.Equal(12, payload.Length);
    }

    [Fact]
    public void A_hello_cut_short_or_too_long_is_rejected()
    {
        var payload = HelloCodec.Write(new PayloadWriter(), ProtocolLimits.Version, 1, 99).Written.ToArray();

        PayloadCuts.EveryCutIsRejected(payload, bytes => HelloCodec.Read(bytes, 1));
        PayloadCuts.AByteTooManyIsRejected(payload, bytes => HelloCodec.Read(bytes, 1));
    }

    [Fact]
    public void A_hello_of_another_version_is_read_for_its_version_and_pid_whatever_follows()
    {
        var other = HelloCodec.Write(new PayloadWriter(), ProtocolLimits.Version + 1, 4, 777).Int64(0).Written.ToArray();
        var versionOnly = new PayloadWriter().Int32(2).Written.ToArray();

        Assert.Equal(new HelloMessage(4, ProtocolLimits.Version + 1, 777), HelloCodec.Read(other, 4));
        Assert.Equal(new HelloMessage(4, 2, 0), HelloCodec.Read(versionOnly, 4));
    }

    [Fact]
    public void The_frame_writers_version_is_the_protocol_limits_version_3()
    {
        Assert.Equal(3, ProtocolLimits.Version);
        Assert.Equal(ProtocolLimits.Version, FrameWriter.ProtocolVersion);
    }
}
