using TaxiScan.Model;
using TaxiScan.Protocol;

namespace TaxiScan.Tests.Unit.Protocol;

public class DiagnosticCodecTests
{
    [Fact]
    public void A_malformed_row_diagnostic_round_trips_with_its_line_level_text_and_kind()
    {
        var payload = DiagnosticCodec.Write(new PayloadWriter(), 9, 4_000_000_001, DiagnosticLevel.Warning, "short row: 粤B", MalformedKind.ShortRow).Written.ToArray();

        Assert.Equal(new DiagnosticMessage(2, 9, 4_000_000_001, DiagnosticLevel.Warning, "short row: 粤B", MalformedKind.ShortRow), DiagnosticCodec.Read(payload, 2));
        PayloadCuts.EveryCutIsRejected(payload, bytes => DiagnosticCodec.Read(bytes, 2));
        PayloadCuts.AByteTooManyIsRejected(payload, bytes => DiagnosticCodec.Read(bytes, 2));
    }

    [Fact]
    public void A_diagnostic_about_no_malformed_row_keeps_no_kind_on_the_wire_as_255()
    {
        var payload = DiagnosticCodec.Write(new PayloadWriter(), 0, 0, DiagnosticLevel.Error, "Permission denied", kind: null).Written.ToArray();

        Assert.Equal(new DiagnosticMessage(6, 0, 0, DiagnosticLevel.Error, "Permission denied"), DiagnosticCodec.Read(payload, 6));
        Assert.Equal(0xFF, payload[^1]);
    }
}
