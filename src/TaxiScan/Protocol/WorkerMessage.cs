using System.Buffers;
using TaxiScan.Model;

namespace TaxiScan.Protocol;

/// <summary>A decoded frame (or the end of a worker), as the coordinator's writer loop consumes it.</summary>
internal abstract record WorkerMessage(int Worker);

internal sealed record HelloMessage(int Worker, int ProtocolVersion, int Pid) : WorkerMessage(Worker);

internal sealed record UnitStartedMessage(int Worker, int Unit) : WorkerMessage(Worker);

internal sealed record ProgressMessage(int Worker, long Bytes, long Rows, long Matches) : WorkerMessage(Worker);

internal sealed record DiagnosticMessage(int Worker, int Unit, long Line, DiagnosticLevel Level, string Text, MalformedKind? Kind = null) : WorkerMessage(Worker);

internal sealed record UnitFinishedMessage(int Worker, int Unit, UnitStatus Status, UnitStats Stats, MalformedCounts ByKind = default) : WorkerMessage(Worker);

/// <summary>A unit's header line, with its terminator (a copy: headers are small and rare).</summary>
internal sealed record HeaderMessage(int Worker, int Unit, byte[] Header) : WorkerMessage(Worker);

/// <summary>A file's dialect, as its worker settled it (see <see cref="FrameType.Dialect"/>).</summary>
internal sealed record DialectMessage(int Worker, int Unit, Dialect Dialect) : WorkerMessage(Worker)
{
    /// <summary>The verbose-level note that tells the user, e.g. <c>','-separated, header, id in column 1, 8 fields</c>.</summary>
    public DiagnosticMessage AsNote() => new(Worker, Unit, 0, DiagnosticLevel.Info, Dialect.Describe());
}

internal sealed record PartitionFinishedMessage(int Worker, int Units, UnitStats Totals) : WorkerMessage(Worker);

/// <summary>
/// Rows of one unit. <see cref="Buffer"/> is rented from <see cref="ArrayPool{T}.Shared"/>: whoever
/// consumes the message calls <see cref="Release"/>.
/// </summary>
internal sealed record RowsMessage(int Worker, int Unit, byte[] Buffer, int Offset, int Count) : WorkerMessage(Worker)
{
    public ReadOnlySpan<byte> Rows => Buffer.AsSpan(Offset, Count);

    public void Release() => ArrayPool<byte>.Shared.Return(Buffer);
}

/// <summary>
/// Not a frame: the coordinator's note that a worker process has exited and its pipe has ended.
/// <paramref name="Completed"/> says whether <see cref="PartitionFinishedMessage"/> arrived.
/// </summary>
internal sealed record WorkerExitedMessage(int Worker, int Pid, int ExitCode, bool Completed, string StderrTail) : WorkerMessage(Worker);
