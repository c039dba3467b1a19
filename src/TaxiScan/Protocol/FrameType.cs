namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: the kinds of frame a worker sends to the coordinator over its pipe. A frame is
/// <c>[type: 1 byte][payload length: int32 LE][payload]</c>; integers are little-endian and strings are
/// an int32 byte count followed by UTF-8. docs/protocol.md is the reference; each payload's layout is its codec's (<c>HelloCodec</c>, ...).
/// </summary>
internal enum FrameType : byte
{
    /// <summary>First frame: protocol version, worker index, pid.</summary>
    Hello = 1,

    /// <summary>The worker begins a unit: unit index.</summary>
    UnitStarted = 2,

    /// <summary>Whole matching rows of one unit: unit index, then the row bytes, each row with its terminator.</summary>
    Rows = 3,

    /// <summary>Partition totals so far: bytes, rows, matches (a snapshot, sent a few times a second).</summary>
    Progress = 4,

    /// <summary>A problem in a unit: unit index, line (0 = none), level, message, malformed-row kind (255 = none).</summary>
    Diagnostic = 5,

    /// <summary>A unit is done: unit index, status, bytes, rows, matched, malformed, microseconds, lines, malformed rows by kind.</summary>
    UnitFinished = 6,

    /// <summary>Last frame: the partition is complete; its totals. A pipe that ends without it means the worker failed.</summary>
    PartitionFinished = 7,

    /// <summary>A unit's header line, whole with its terminator: unit index, then the bytes. Sent before the unit's rows.</summary>
    Header = 8,

    /// <summary>
    /// A file's dialect as the worker settled it, sent once per file (by its first unit) before its rows:
    /// unit index, delimiter kind and byte, quoted, header, delimiter guessed, id column, id column name, field count.
    /// </summary>
    Dialect = 9,
}
