using TaxiScan.IO;


namespace TaxiScan.Scanning;

/// <summary>
/// A read-only stream that keeps a copy of what it has read from its source since a mark, so the quoted
/// path can take a record's exact bytes and line terminator from the input (CsvHelper hands out the
/// record without its terminator), and can restart part-way after a broken quote. Memory stays bounded:
/// the quoted path releases everything before the record it is on.
/// </summary>
internal sealed class RetainingStream(Stream source) : ForwardReadStream
{
    private byte[] _kept = new byte[256 * 1024];
    private int _keptLength;
    private long _keptStart;    // offset (from the start of this stream) of _kept[0]
    private long _releasedUpTo; // bytes before this offset may be dropped

    /// <summary>Bytes read from the source so far.</summary>
    public long BytesRead => _keptStart + _keptLength;

    public override int Read(Span<byte> buffer)
    {
        var read = source.Read(buffer);
        if (read > 0)
        {
            Keep(buffer[..read]);
        }

        return read;
    }

    /// <summary>The byte at <paramref name="offset"/>, if it has been read and is still kept.</summary>
    public bool TryByteAt(long offset, out byte value)
    {
        if (offset < _keptStart || offset >= BytesRead)
        {
            value = 0;
            return false;
        }

        value = _kept[offset - _keptStart];
        return true;
    }

    /// <summary>Kept bytes <c>[from, to)</c>; valid until the next read.</summary>
    public ReadOnlySpan<byte> Slice(long from, long to) => _kept.AsSpan((int)(from - _keptStart), (int)(to - from));

    /// <summary>Bytes before <paramref name="offset"/> are no longer needed.</summary>
    public void Release(long offset) => _releasedUpTo = Math.Max(_releasedUpTo, offset);

    /// <summary>A copy of the kept bytes from <paramref name="offset"/> to what has been read.</summary>
    public byte[] CopyFrom(long offset) => _kept.AsSpan((int)(offset - _keptStart), (int)(BytesRead - offset)).ToArray();

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (_keptLength + bytes.Length > _kept.Length)
        {
            // Drop what was released, then grow if that is not room enough.
            var drop = (int)Math.Min(_releasedUpTo - _keptStart, _keptLength);
            if (drop > 0)
            {
                _kept.AsSpan(drop, _keptLength - drop).CopyTo(_kept);
                _keptLength -= drop;
                _keptStart += drop;
            }

            if (_keptLength + bytes.Length > _kept.Length)
            {
                Array.Resize(ref _kept, Math.Max(_kept.Length * 2, _keptLength + bytes.Length));
            }
        }

        bytes.CopyTo(_kept.AsSpan(_keptLength));
        _keptLength += bytes.Length;
    }
}
