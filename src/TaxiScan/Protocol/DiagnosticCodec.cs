using TaxiScan.Model;

namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: the Diagnostic payload: unit index, line (0 = none), level, message, and the
/// malformed-row kind (<see cref="NoKind"/> for a diagnostic that is not about a malformed row).
/// </summary>
internal static class DiagnosticCodec
{
    /// <summary>The kind byte of a diagnostic that is not about a malformed row.</summary>
    public const byte NoKind = 0xFF;

    public static PayloadWriter Write(PayloadWriter payload, int unit, long line, DiagnosticLevel level, string message, MalformedKind? kind) =>
        payload.Int32(unit).Int64(line).Byte((byte)level).String(message).Byte(kind is { } k ? (byte)k : NoKind);

    public static DiagnosticMessage Read(ReadOnlySpan<byte> payload, int worker)
    {
        var fields = new PayloadReader(payload);
        var (unit, line, level, text) = (fields.Int32(), fields.Int64(), (DiagnosticLevel)fields.Byte(), fields.String());
        var kind = fields.Byte();
        fields.End();
        return new DiagnosticMessage(worker, unit, line, level, text, kind == NoKind ? null : (MalformedKind)kind);
    }
}
