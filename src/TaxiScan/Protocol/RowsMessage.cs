using System.Buffers;

namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: rows of one unit (<see cref="RowsCodec"/>). <see cref="Buffer"/> is rented from
/// <see cref="ArrayPool{T}.Shared"/>: whoever consumes the message calls <see cref="Release"/>.
/// </summary>
internal sealed record RowsMessage(int Worker, int Unit, byte[] Buffer, int Offset, int Count) : WorkerMessage(Worker)
{
    public ReadOnlySpan<byte> Rows => Buffer.AsSpan(Offset, Count);

    public void Release() => ArrayPool<byte>.Shared.Return(Buffer);
}
