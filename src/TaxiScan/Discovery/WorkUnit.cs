namespace TaxiScan.Discovery;

/// <summary>
/// One unit of work: an input read whole (a file, a gzip file, one member of a zip, or stdin). Units are
/// numbered in output order; the writer commits a unit's rows only when a worker reports the unit complete.
/// </summary>
/// <param name="Index">Position in the ordered input list; output follows this order.</param>
/// <param name="Path">The path the worker opens (for stdin, the <c>/dev/fd/N</c> of a descriptor the workers inherit).</param>
/// <param name="DisplayPath">The path as shown in messages (as the user spelled it, joined with the walked name).</param>
/// <param name="Length">The file's size when it was listed; used to balance partitions and draw progress.</param>
/// <param name="EveryRow">Selected whole by <c>--id-from-path</c>: its id is in its path, so every data row is printed.</param>
/// <param name="Kind">How the worker opens it (<see cref="InputOpener"/>).</param>
/// <param name="Member">The zip member's full name, for <see cref="InputKind.ZipMember"/>.</param>
internal sealed record WorkUnit(
    int Index, string Path, string DisplayPath, long Length, bool EveryRow = false, InputKind Kind = InputKind.File, string? Member = null);
