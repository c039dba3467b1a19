namespace TaxiScan.Output;

/// <summary>
/// The single writer: the only code that writes rows to the output. Rows arrive per unit from any worker
/// in any interleaving; a unit's rows are committed (written) only once its worker reports the unit
/// complete and every unit before it is settled, so the output is exactly the <c>--workers 1</c> output:
/// units in input order, rows in file order, each row once. A failed or lost unit's rows are dropped whole.
/// The output starts with a header line at most once: that of the first unit to contribute rows, if it has one.
/// With a <see cref="FileMatchSummary"/> (<c>--count</c>, <c>-l</c>, <c>--total</c>) the units' match counts go
/// to it in the same order instead, and no row is written.
/// </summary>
internal sealed class OrderedRowWriter(
    Stream output, RowSpool spool, int unitCount, bool deferUntilFinish, bool printHeader = true, FileMatchSummary? summary = null) : IDisposable
{
    private enum UnitState : byte
    {
        Pending,
        Complete,
        Dropped,
    }

    private readonly UnitState[] _states = new UnitState[unitCount];
    private readonly Dictionary<int, byte[]> _headers = [];
    private readonly long[] _matched = new long[unitCount];
    private readonly (long Offset, long Length)[] _spans = new (long, long)[unitCount];
    private bool _firstRowsWritten;
    private int _next;
    private bool _defer = deferUntilFinish;

    public long BytesWritten { get; private set; }

    /// <summary>The header line of the unit whose rows came first (printed or not), or null; a shard's manifest keeps it.</summary>
    public byte[]? HeaderOfFirstRows { get; private set; }

    public void Append(int unit, byte[] buffer, int offset, int count, Action<byte[]> release) =>
        spool.Append(unit, buffer, offset, count, release);

    /// <summary>The header line of a unit (with its terminator); printed only if this unit's rows come first.</summary>
    public void SetHeader(int unit, byte[] header) => _headers[unit] = header;

    /// <param name="unit">The unit its worker reported complete.</param>
    /// <param name="matched">How many of its rows matched (for the summary and <see cref="SpanOf"/>).</param>
    public void Complete(int unit, long matched = 0)
    {
        _states[unit] = UnitState.Complete;
        _matched[unit] = matched;
        Advance();
    }

    /// <summary>Forgets the rows received for a pending unit so far: it is read again from its start.</summary>
    public void Discard(int unit)
    {
        if (_states[unit] == UnitState.Pending)
        {
            spool.Drop(unit);
        }
    }

    public void Drop(int unit)
    {
        if (_states[unit] == UnitState.Pending)
        {
            _states[unit] = UnitState.Dropped;
            spool.Drop(unit);
        }

        Advance();
    }

    /// <summary>Where a unit's rows are in the output (the header, if printed, is not part of them) and how many; (0, 0, 0) for none.</summary>
    public (long Offset, long Length, long Rows) SpanOf(int unit) => (_spans[unit].Offset, _spans[unit].Length, _states[unit] == UnitState.Complete ? _matched[unit] : 0);

    /// <summary>Writes whatever was deferred and flushes. Every unit must be settled by now.</summary>
    public void Finish()
    {
        _defer = false;
        Advance();
        summary?.Finish();
        output.Flush();
    }

    public void Dispose() => spool.Dispose();

    private void Advance()
    {
        if (_defer)
        {
            return;
        }

        var wrote = false;
        while (_next < _states.Length && _states[_next] != UnitState.Pending)
        {
            if (summary is not null)
            {
                summary.Add(_next, _states[_next] == UnitState.Complete ? _matched[_next] : 0);
            }
            else if (_states[_next] == UnitState.Complete && spool.HasRows(_next))
            {
                if (!_firstRowsWritten)
                {
                    _firstRowsWritten = true;
                    HeaderOfFirstRows = _headers.GetValueOrDefault(_next);
                    if (printHeader && _headers.TryGetValue(_next, out var header))
                    {
                        output.Write(header);
                        BytesWritten += header.Length;
                    }
                }

                var rowsAt = BytesWritten;
                BytesWritten += spool.WriteTo(_next, output);
                _spans[_next] = (rowsAt, BytesWritten - rowsAt);
                wrote = true;
            }

            _headers.Remove(_next);
            _next++;
        }

        if (wrote)
        {
            // Hand committed rows on now: a reader such as `head -1` should not wait for the next unit.
            output.Flush();
        }
    }
}
