using TaxiScan.IO;

namespace TaxiScan.Output;

/// <summary>
/// Holds the rows of units that cannot be written yet (not complete, or a unit before them is not),
/// in memory up to a budget and in an unlinked temporary file past it, so memory stays bounded however
/// many rows match. Takes ownership of the pooled buffers it is given.
/// </summary>
internal sealed class RowSpool(long memoryBudget, string spillDirectory) : IDisposable
{
    private readonly Dictionary<int, List<Segment>> _segments = [];
    private long _memoryInUse;
    private SafeSpillFile? _spill;

    /// <summary>Appends rows to a unit. The spool owns <paramref name="buffer"/> from now on.</summary>
    public void Append(int unit, byte[] buffer, int offset, int count, Action<byte[]> release)
    {
        if (!_segments.TryGetValue(unit, out var list))
        {
            list = [];
            _segments[unit] = list;
        }

        if (_memoryInUse + buffer.Length <= memoryBudget)
        {
            _memoryInUse += buffer.Length;
            list.Add(new Segment(buffer, offset, count, -1, release));
            return;
        }

        _spill ??= new SafeSpillFile(spillDirectory);
        var at = _spill.Append(buffer.AsSpan(offset, count));
        release(buffer);
        list.Add(new Segment(null, 0, count, at, null));
    }

    /// <summary>Whether any rows of <paramref name="unit"/> are held.</summary>
    public bool HasRows(int unit) => _segments.ContainsKey(unit);

    /// <summary>Writes a unit's rows, in arrival order, to <paramref name="output"/> and forgets them.</summary>
    public long WriteTo(int unit, Stream output)
    {
        if (!_segments.Remove(unit, out var list))
        {
            return 0;
        }

        long written = 0;
        foreach (var segment in list)
        {
            if (segment.Buffer is { } buffer)
            {
                output.Write(buffer, segment.Offset, segment.Count);
            }
            else
            {
                _spill!.CopyTo(segment.SpillOffset, segment.Count, output);
            }

            written += segment.Count;
        }

        Release(list);
        return written;
    }

    /// <summary>Forgets a unit's rows without writing them (the unit failed or was lost).</summary>
    public void Drop(int unit)
    {
        if (_segments.Remove(unit, out var list))
        {
            Release(list);
        }
    }

    public void Dispose()
    {
        foreach (var list in _segments.Values)
        {
            Release(list);
        }

        _segments.Clear();
        _spill?.Dispose();
    }

    private void Release(List<Segment> list)
    {
        foreach (var segment in list)
        {
            if (segment.Buffer is { } buffer)
            {
                _memoryInUse -= buffer.Length;
                segment.Release!(buffer);
            }
        }
    }

    private readonly record struct Segment(byte[]? Buffer, int Offset, int Count, long SpillOffset, Action<byte[]>? Release);
}
