using System.IO.Compression;

namespace TaxiScan.IO;

/// <summary>
/// Input stage: the decompressed bytes of a gzip file, checked to the end.
/// <para>
/// .NET's <see cref="GZipStream"/> reads concatenated members (<c>cat a.gz b.gz</c> gives a then b, as
/// <c>gzip -d</c> does) and checks each member's CRC-32 and length, but a file cut short inside a member
/// simply ends early, with no error (dotnet/runtime#47563; a check added in .NET 7 was reverted). An
/// interrupted download would be scanned in part, silently.
/// </para>
/// <para>
/// To notice, the compressed bytes are followed by one more gzip member whose content is known (the end
/// marker). A complete file decompresses to its own bytes and then the marker's; a file cut short takes
/// the marker's bytes as the rest of its broken member, so the marker's content never comes out whole.
/// The last <see cref="EndPayload"/>.Length decompressed bytes are held back until the end and compared.
/// Limits: a multi-member file cut exactly between two members looks complete (gzip cannot tell either),
/// and bytes after the last member that are not gzip data are reported like a truncation.
/// </para>
/// Every defect surfaces from <c>Read</c> as <see cref="InvalidDataException"/>, with a message that
/// does not repeat the file's path (callers prefix it).
/// </summary>
internal sealed class CheckedGzipStream : ForwardReadStream
{
    private const string TruncatedMessage = "gzip data ends early: the file is truncated (or followed by bytes that are not gzip data)";
    private const string NotGzipMessage = "not gzip data (no gzip header at the start of the file)";

    private static readonly byte[] EndPayload = "\0taxiscan: end of gzip input\0"u8.ToArray();
    private static readonly byte[] EndMember = Compress(EndPayload);

    private readonly MarkedSource _source;
    private readonly GZipStream _gzip;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _ended;

    /// <param name="compressed">The gzip file's bytes; disposed with this stream.</param>
    public CheckedGzipStream(Stream compressed)
    {
        _source = new MarkedSource(compressed);
        _gzip = new GZipStream(_source, CompressionMode.Decompress, leaveOpen: false);
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        // Keep more than the marker's length buffered, so the bytes handed out can never be the marker.
        while (!_ended && _end - _start <= EndPayload.Length)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
            var read = Inflate(_buffer.AsSpan(_end));
            if (read == 0)
            {
                VerifyEndMarker();
                _end -= EndPayload.Length;
                _ended = true;
            }

            _end += read;
        }

        var count = Math.Min(buffer.Length, _end - _start - (_ended ? 0 : EndPayload.Length));
        _buffer.AsSpan(_start, count).CopyTo(buffer);
        _start += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Inflate(Span<byte> destination)
    {
        try
        {
            return _gzip.Read(destination);
        }
        catch (InvalidDataException e)
        {
            // zlib's own message ("unsupported compression method") misleads for most defects; say what we know.
            throw new InvalidDataException(_source switch
            {
                { LooksLikeGzip: false } => NotGzipMessage,
                { InEndMarker: true } => TruncatedMessage,
                _ => $"corrupt gzip data (found within the first {_source.DataBytes} compressed bytes)",
            }, e);
        }
    }

    private void VerifyEndMarker()
    {
        if (_source.DataBytes == 0)
        {
            throw new InvalidDataException("empty file, not gzip data");
        }

        if (_end - _start < EndPayload.Length || !_buffer.AsSpan(_end - EndPayload.Length, EndPayload.Length).SequenceEqual(EndPayload))
        {
            throw new InvalidDataException(_source.LooksLikeGzip ? TruncatedMessage : NotGzipMessage);
        }
    }

    private static byte[] Compress(byte[] payload)
    {
        using var member = new MemoryStream();
        using (var gzip = new GZipStream(member, CompressionLevel.NoCompression, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        return member.ToArray();
    }

    /// <summary>The file's bytes, then the end marker member.</summary>
    private sealed class MarkedSource(Stream data) : ForwardReadStream
    {
        private static readonly byte[] GzipMagic = [0x1f, 0x8b];
        private int _markerOffset = -1;
        private int _magicSeen;

        public long DataBytes { get; private set; }

        public bool LooksLikeGzip { get; private set; } = true;

        public bool InEndMarker => _markerOffset >= 0;

        public override int Read(Span<byte> buffer)
        {
            if (!InEndMarker)
            {
                var read = data.Read(buffer);
                if (read > 0 || buffer.IsEmpty)
                {
                    CheckMagic(buffer[..read]);
                    DataBytes += read;
                    return read;
                }

                _markerOffset = 0;
            }

            var count = Math.Min(buffer.Length, EndMember.Length - _markerOffset);
            EndMember.AsSpan(_markerOffset, count).CopyTo(buffer);
            _markerOffset += count;
            return count;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                data.Dispose();
            }

            base.Dispose(disposing);
        }

        private void CheckMagic(ReadOnlySpan<byte> bytes)
        {
            for (var i = 0; i < bytes.Length && _magicSeen < GzipMagic.Length; i++, _magicSeen++)
            {
                LooksLikeGzip &= bytes[i] == GzipMagic[_magicSeen];
            }
        }
    }
}
