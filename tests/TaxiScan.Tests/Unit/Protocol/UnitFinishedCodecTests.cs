using TaxiScan.Model;
using TaxiScan.Protocol;

namespace TaxiScan.Tests.Unit.Protocol;

public class UnitFinishedCodecTests
{
    [Theory]
    [InlineData(0)] // complete
    [InlineData(1)] // failed
    [InlineData(2)] // quote in range
    public void A_unit_finished_round_trips_its_status_counts_and_malformed_rows_by_kind(byte statusByte)
    {
        var status = (UnitStatus)statusByte;
        var stats = new UnitStats(100, 10, 2, 15, 99, 11);
        var byKind = new MalformedCounts(NoDelimiter: 1, ShortRow: 2, BadQuoting: 3, Binary: 4, TooLong: 5);
        var payload = UnitFinishedCodec.Write(new PayloadWriter(), 7, status, stats, byKind).Written.ToArray();

        Assert.Equal(new UnitFinishedMessage(3, 7, status, stats, byKind), UnitFinishedCodec.Read(payload, 3));
        PayloadCuts.EveryCutIsRejected(payload, bytes => UnitFinishedCodec.Read(bytes, 3));
        PayloadCuts.AByteTooManyIsRejected(payload, bytes => UnitFinishedCodec.Read(bytes, 3));
    }
}
