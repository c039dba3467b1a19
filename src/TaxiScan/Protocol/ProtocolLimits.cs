namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: the numbers both ends of the worker protocol are built with, named once. The version
/// is raised whenever a job or frame layout changes; the sizes bound what a worker may send and what the
/// coordinator holds in memory per worker. docs/protocol.md is the reference.
/// </summary>
internal static class ProtocolLimits
{
    /// <summary>
    /// The layout version, sent in the job and in Hello. 3: the job starts with its magic and this
    /// version, and optional strings carry a presence byte.
    /// </summary>
    public const int Version = 3;

    /// <summary>A frame's header: the type byte and the int32 payload length.</summary>
    public const int FrameHeaderBytes = 5;

    /// <summary>The worker batches a unit's matching rows into Rows frames of up to this size (a longer row goes alone).</summary>
    public const int RowsBatchBytes = 256 * 1024;

    /// <summary>A frame longer than this is corrupt: the longest row kept (16 MiB) is far below it.</summary>
    public const int MaxPayloadBytes = 64 << 20;

    /// <summary>A job longer than this is no job: 100,000 units of long paths stay far below it.</summary>
    public const int MaxJobBytes = 1 << 30;

    /// <summary>The worker's write buffer on its pipe: small frames are coalesced up to this size.</summary>
    public const int WriterBufferBytes = 256 * 1024;

    /// <summary>The coordinator's read buffer on each worker's pipe: 64 workers hold 16 MiB.</summary>
    public const int ReaderBufferBytes = 256 * 1024;

    /// <summary>The kernel pipe size asked for (Linux grows a pipe up to /proc/sys/fs/pipe-max-size, 1 MiB by default).</summary>
    public const int PipeBufferBytes = 1 << 20;

    /// <summary>
    /// The decoded messages that may wait for the coordinator's writer loop. A Rows message holds up to
    /// <see cref="RowsBatchBytes"/>, so 64 of them cap what waits at 16 MiB; past that, the pipes fill and
    /// the workers wait.
    /// </summary>
    public const int MessageQueueLength = 64;

    /// <summary>The room for the <c>-H</c>/<c>-n</c> fields put in front of each row (a longer path is cut).</summary>
    public const int RowPrefixBytes = 64 * 1024;

    /// <summary>How many Progress frames a worker sends per second at most.</summary>
    public const int ProgressFramesPerSecond = 10;
}
