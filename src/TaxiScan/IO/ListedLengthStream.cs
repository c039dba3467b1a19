namespace TaxiScan.IO;

/// <summary>
/// A plain file read as it was when it was listed: never past the length it had then (rows appended
/// during the run belong to the next run, and a row being appended would be torn), and an error if it
/// ends before that length (it was truncated or rewritten while being read: its rows are not trusted).
/// Seeks pass through, for byte ranges.
/// </summary>
internal sealed class ListedLengthStream(Stream file, long listedLength) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => file.CanSeek;

    public override bool CanWrite => false;

    public override long Length => listedLength;

    public override long Position
    {
        get => file.Position;
        set => file.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var position = file.Position;
        var left = listedLength - position;
        if (left <= 0 || buffer.IsEmpty)
        {
            return 0;
        }

        var read = file.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
        if (read == 0)
        {
            throw new IOException($"the file shrank while it was read: it ended at byte {position} of the {listedLength} it had when listed");
        }

        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }
}
