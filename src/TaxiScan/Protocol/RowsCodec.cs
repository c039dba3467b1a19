using System.Buffers.Binary;

namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: the Rows payload, the unit index and then whole rows, each with its terminator. The
/// rows are never copied into a payload buffer (a frame carries up to <see cref="ProtocolLimits.RowsBatchBytes"/>):
/// the writer sends the prefix and then the caller's spans, and the reader keeps the rented frame buffer
/// in the message, the rows read in place.
/// </summary>
internal static class RowsCodec
{
    /// <summary>The bytes before the rows: the unit index.</summary>
    public const int PrefixBytes = 4;

    public static void WritePrefix(Span<byte> prefix, int unit) => BinaryPrimitives.WriteInt32LittleEndian(prefix, unit);

    /// <param name="payload">The frame buffer, rented from the shared pool; the message owns it from here on.</param>
    /// <param name="length">The payload's length in <paramref name="payload"/>.</param>
    /// <param name="worker">The worker whose pipe this is.</param>
    public static RowsMessage Read(byte[] payload, int length, int worker)
    {
        var unit = new PayloadReader(payload.AsSpan(0, length)).Int32();
        return new RowsMessage(worker, unit, payload, PrefixBytes, length - PrefixBytes);
    }
}
