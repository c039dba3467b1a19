namespace TaxiScan.Output;

/// <summary>
/// The single writer: the only code that writes rows to the output. Rows arrive per unit from any worker
/// in any interleaving; a unit's rows are committed (written) only once its worker reports the unit
/// complete and every unit before it is settled, so the output is exactly the <c>--workers 1</c> output:
/// units in input order, rows in file order, each row once. A failed or lost unit's rows are dropped whole.
/// </summary>
internal sealed class OrderedRowWriter(Stream output, RowSpool spool, int unitCount, bool deferUntilFinish) : IDisposable
{
    private enum UnitState : byte
    {
        Pending,
        Complete,
        Dropped,
    }

    private readonly UnitState[] _states = new UnitState[unitCount];
    private int _next;
    private bool _defer = deferUntilFinish;

    public long BytesWritten { get; private set; }

    public void Append(int unit, byte[] buffer, int offset, int count, Action<byte[]> release) =>
        spool.Append(unit, buffer, offset, count, release);

    public void Complete(int unit)
    {
        _states[unit] = UnitState.Complete;
        Advance();
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

    /// <summary>Writes whatever was deferred and flushes. Every unit must be settled by now.</summary>
    public void Finish()
    {
        _defer = false;
        Advance();
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
            if (_states[_next] == UnitState.Complete)
            {
                BytesWritten += spool.WriteTo(_next, output);
                wrote = true;
            }

            _next++;
        }

        if (wrote)
        {
            // Hand committed rows on now: a reader such as `head -1` should not wait for the next unit.
            output.Flush();
        }
    }
}
