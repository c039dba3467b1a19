using TaxiScan.IO;


namespace TaxiScan.Scanning;

/// <summary>
/// The rows of one byte range of a file, as a stream that looks like a whole file to the scanners: it
/// starts at the first row that starts at or after the range's start (just past a <c>\n</c>) and ends
/// with the row that holds the range's last byte, read on past the range's end to that row's <c>\n</c>.
/// A row belongs to the range its first byte is in, so consecutive ranges yield every row exactly once.
/// (That holds for line breaks outside quotes only: the scanners refuse a bounded range that holds a quote.)
/// </summary>
internal sealed class RowRangeStream : ForwardReadStream
{
    private readonly Stream _file;
    private readonly long _end;
    private readonly byte[] _carry = new byte[64 * 1024];
    private int _carryStart;
    private int _carryEnd;
    private long _position; // the file offset of the next byte handed out
    private bool _done;

    /// <param name="file">A seekable file.</param>
    /// <param name="start">The range's start; 0, or any offset (the row in progress there belongs to the range before).</param>
    /// <param name="end">The range's end (exclusive), or <see cref="long.MaxValue"/> for the end of the file.</param>
    /// <param name="startsAtRow">Treat <paramref name="start"/> as a row start (the start of the file, past a byte order mark, or a cut already known to be safe).</param>
    public RowRangeStream(Stream file, long start, long end, bool startsAtRow)
    {
        _file = file;
        _end = end;
        _position = startsAtRow || start == 0 ? start : start - 1;
        _file.Seek(_position, SeekOrigin.Begin);
        if (!startsAtRow && start > 0)
        {
            SkipPastLineBreak();
        }

        _done |= _position >= end;
    }

    public override int Read(Span<byte> buffer)
    {
        if (_done || buffer.IsEmpty)
        {
            return 0;
        }

        int count;
        if (_carryEnd > _carryStart)
        {
            count = Math.Min(buffer.Length, _carryEnd - _carryStart);
            _carry.AsSpan(_carryStart, count).CopyTo(buffer);
            _carryStart += count;
        }
        else
        {
            count = _file.Read(buffer);
            if (count == 0)
            {
                _done = true;
                return 0;
            }
        }

        // Past the range's last byte, stop at the first line break: it ends the range's last row.
        var lastByte = _end - 1;
        if (_position + count > lastByte)
        {
            var from = (int)Math.Max(0, lastByte - _position);
            var lineBreak = buffer[from..count].IndexOf((byte)'\n');
            if (lineBreak >= 0)
            {
                count = from + lineBreak + 1;
                _done = true;
            }
        }

        _position += count;
        return count;
    }

    // Moves past the first line break at or after the current position; what was read beyond it is kept
    // for the first reads. A range whose rows all started before it (no line break up to the end) is empty.
    private void SkipPastLineBreak()
    {
        while (true)
        {
            var read = _file.Read(_carry);
            if (read == 0)
            {
                _done = true;
                return;
            }

            var lineBreak = _carry.AsSpan(0, read).IndexOf((byte)'\n');
            if (lineBreak >= 0)
            {
                _position += lineBreak + 1;
                _carryStart = lineBreak + 1;
                _carryEnd = read;
                return;
            }

            _position += read;
        }
    }
}
