namespace TaxiScan.Model;

/// <summary>
/// One unit of work: an input read whole (a file, a gzip file, one member of a zip, or stdin), or a byte
/// range of a large plain file (<see cref="Range"/>). Units are numbered in output order; the writer
/// commits a unit's rows only when a worker reports the unit complete.
/// </summary>
/// <param name="Index">Position in the ordered input list; output follows this order.</param>
/// <param name="Path">The path the worker opens (for stdin, the <c>/dev/fd/N</c> of a descriptor the workers inherit).</param>
/// <param name="DisplayPath">The path as shown in messages (as the user spelled it, joined with the walked name).</param>
/// <param name="Length">The file's size when it was listed; used to balance partitions and draw progress.</param>
/// <param name="EveryRow">Selected whole by <c>--id-from-path</c>: its id is in its path, so every data row is printed.</param>
/// <param name="Kind">How the worker opens it (IO/InputOpener).</param>
/// <param name="Member">The zip member's full name, for <see cref="InputKind.ZipMember"/>.</param>
/// <param name="Range">The part of a plain file this unit reads; null for the whole input.</param>
internal sealed record WorkUnit(
    int Index,
    string Path,
    string DisplayPath,
    long Length,
    bool EveryRow = false,
    InputKind Kind = InputKind.File,
    string? Member = null,
    ByteRange? Range = null)
{
    /// <summary>The bytes this unit reads (the whole input's length, or its range's).</summary>
    public long Bytes => Range is { } range ? Math.Min(range.End, Length) - range.Start : Length;
}

/// <summary>
/// A part of a file, cut by bytes: the unit reads the rows that <em>start</em> in <c>[Start, End)</c>
/// (the last may run past <see cref="End"/>), so consecutive ranges hold every row exactly once.
/// <see cref="End"/> is <see cref="long.MaxValue"/> for "to the end of the file": the tail read after
/// a range turned out to hold quotes, which may then be parsed as quoted data since no quote comes
/// before its start (the ranges before it held none).
/// </summary>
internal readonly record struct ByteRange(long Start, long End)
{
    /// <summary>The range ends before the end of the file, so a quoted line break could cross its cut.</summary>
    public bool IsBounded => End != long.MaxValue;
}
