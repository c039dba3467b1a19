using System.Buffers;
using System.Buffers.Binary;
using TaxiScan.Model;

namespace TaxiScan.Protocol;

/// <summary>
/// The coordinator's end of the protocol: decodes frames from one worker's pipe. A frame counts only
/// once all its bytes have arrived; a pipe that ends inside a frame (the worker died mid-write) yields
/// <see langword="null"/> with <see cref="Truncated"/> set, and the partial frame is dropped, never output.
/// </summary>
internal sealed class FrameReader(Stream pipe, int worker)
{
    /// <summary>Frames larger than this are corrupt: the longest row is far below it.</summary>
    public const int MaxPayload = 64 << 20;

    private readonly byte[] _header = new byte[FrameWriter.HeaderSize];

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
        if (length < 0 || length > MaxPayload)
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

            var message = Decode(type, payload, length);
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

    private WorkerMessage Decode(FrameType type, byte[] payload, int length)
    {
        var fields = new PayloadReader(payload.AsSpan(0, length));
        return type switch
        {
            FrameType.Hello => new HelloMessage(worker, fields.Int32(), ReadWorkerPid(ref fields)),
            FrameType.UnitStarted => new UnitStartedMessage(worker, fields.Int32()),
            FrameType.Rows => new RowsMessage(worker, fields.Int32(), payload, 4, length - 4),
            FrameType.Progress => new ProgressMessage(worker, fields.Int64(), fields.Int64(), fields.Int64()),
            FrameType.Diagnostic => new DiagnosticMessage(worker, fields.Int32(), fields.Int64(), (DiagnosticLevel)fields.Byte(), fields.String(), KindOf(fields.Byte())),
            FrameType.UnitFinished => new UnitFinishedMessage(
                worker, fields.Int32(), (UnitStatus)fields.Byte(), ReadStats(ref fields),
                new MalformedCounts(fields.Int64(), fields.Int64(), fields.Int64(), fields.Int64(), fields.Int64())),
            FrameType.PartitionFinished => new PartitionFinishedMessage(worker, fields.Int32(), ReadStats(ref fields)),
            FrameType.Header => new HeaderMessage(worker, fields.Int32(), payload.AsSpan(4, length - 4).ToArray()),
            FrameType.Dialect => new DialectMessage(worker, fields.Int32(), ReadDialect(ref fields)),
            _ => throw new InvalidDataException($"worker {worker} sent an unknown frame type {(byte)type}"),
        };
    }

    private static int ReadWorkerPid(ref PayloadReader fields)
    {
        _ = fields.Int32(); // the worker index, which the coordinator already knows
        return fields.Int32();
    }

    private static MalformedKind? KindOf(byte value) => value == FrameWriter.NoKind ? null : (MalformedKind)value;

    private static UnitStats ReadStats(ref PayloadReader fields) =>
        new(fields.Int64(), fields.Int64(), fields.Int64(), fields.Int64(), fields.Int64(), fields.Int64());

    private static Dialect ReadDialect(ref PayloadReader fields)
    {
        var delimiter = new DelimiterChoice((DelimiterKind)fields.Byte(), fields.Byte());
        var (quoted, header, guessed) = (fields.Byte() == 1, fields.Byte() == 1, fields.Byte() == 1);
        var idColumn = fields.Int32();
        var hasName = fields.Byte() == 1;
        var name = fields.String();
        return new Dialect
        {
            Delimiter = delimiter,
            Quoted = quoted,
            HasHeader = header,
            DelimiterGuessed = guessed,
            IdColumn = idColumn,
            IdColumnName = hasName ? name : null,
            ExpectedFields = fields.Int32(),
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
