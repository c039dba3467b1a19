using TaxiScan.IO;


namespace TaxiScan.Scanning;

/// <summary>
/// A read-only stream that yields some bytes already read, then the rest of another stream. It lets a
/// scanner hand a file over part-way (the sample, or the unread part of a block) without seeking, which
/// pipes, stdin and decompressors cannot do.
/// </summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : ForwardReadStream
{
    private ReadOnlyMemory<byte> _prefix = prefix;

    public override int Read(Span<byte> buffer)
    {
        if (_prefix.IsEmpty)
        {
            return rest.Read(buffer);
        }

        var take = Math.Min(buffer.Length, _prefix.Length);
        _prefix.Span[..take].CopyTo(buffer);
        _prefix = _prefix[take..];
        return take;
    }
}
