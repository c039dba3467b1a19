using System.Buffers;
using System.Buffers.Binary;

namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage, the coordinator's end: decodes frames from one worker's pipe. A frame counts only
/// once all its bytes have arrived; a pipe that ends inside a frame (the worker died mid-write) yields
/// <see langword="null"/> with <see cref="Truncated"/> set, and the partial frame is dropped, never output.
/// </summary>
internal sealed class FrameReader(Stream pipe, int worker)
{
    private readonly byte[] _header = new byte[ProtocolLimits.FrameHeaderBytes];

    public bool Truncated { get; private set; }

    public async ValueTask<WorkerMessage?> ReadAsync(CancellationToken cancellation)
    {
        var got = await ReadFullyAsync(_header, cancellation);
        if (got == 0)
        {
            return null;
        }

        if (got < _header.Length)
        {
            Truncated = true;
            return null;
        }

        var type = (FrameType)_header[0];
        var length = BinaryPrimitives.ReadInt32LittleEndian(_header.AsSpan(1));
        if (length < 0 || length > ProtocolLimits.MaxPayloadBytes)
        {
            throw new InvalidDataException($"worker {worker} sent a frame of {length} bytes");
        }

        var payload = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        var keep = false;
        try
        {
            if (await ReadFullyAsync(payload.AsMemory(0, length), cancellation) < length)
            {
                Truncated = true;
                return null;
            }

            var message = DecodeNamingTheWorker(type, payload, length);
            keep = message is RowsMessage;
            return message;
        }
        finally
        {
            if (!keep)
            {
                ArrayPool<byte>.Shared.Return(payload);
            }
        }
    }

    private WorkerMessage DecodeNamingTheWorker(FrameType type, byte[] payload, int length)
    {
        try
        {
            return Decode(type, payload, length);
        }
        catch (InvalidDataException e) when (Enum.IsDefined(type))
        {
            throw new InvalidDataException($"worker {worker} sent a {type} frame that does not parse: {e.Message}", e);
        }
    }

    // Each payload's layout is its codec's; this only picks the codec. A payload its codec cannot read
    // (too short, bytes left over) is an InvalidDataException, as an oversized frame is.
    private WorkerMessage Decode(FrameType type, byte[] payload, int length)
    {
        var span = payload.AsSpan(0, length);
        return type switch
        {
            FrameType.Hello => HelloCodec.Read(span, worker),
            FrameType.UnitStarted => UnitStartedCodec.Read(span, worker),
            FrameType.Rows => RowsCodec.Read(payload, length, worker),
            FrameType.Progress => ProgressCodec.Read(span, worker),
            FrameType.Diagnostic => DiagnosticCodec.Read(span, worker),
            FrameType.UnitFinished => UnitFinishedCodec.Read(span, worker),
            FrameType.PartitionFinished => PartitionFinishedCodec.Read(span, worker),
            FrameType.Header => HeaderCodec.Read(span, worker),
            FrameType.Dialect => DialectCodec.Read(span, worker),
            _ => throw new InvalidDataException($"worker {worker} sent an unknown frame type {(byte)type}"),
        };
    }

    private async ValueTask<int> ReadFullyAsync(Memory<byte> target, CancellationToken cancellation)
    {
        var total = 0;
        while (total < target.Length)
        {
            var read = await pipe.ReadAsync(target[total..], cancellation);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
