using System.Buffers.Binary;
using System.Text;

namespace TaxiScan.Protocol;

/// <summary>Reads little-endian fields from a payload in order; the decoding half of <see cref="PayloadWriter"/>.</summary>
internal ref struct PayloadReader(ReadOnlySpan<byte> payload)
{
    private ReadOnlySpan<byte> _rest = payload;

    public readonly ReadOnlySpan<byte> Rest => _rest;

    public byte Byte() => Take(1)[0];

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public string String()
    {
        var count = Int32();
        return Encoding.UTF8.GetString(Take(count));
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _rest.Length)
        {
            throw new InvalidDataException("truncated payload");
        }

        var taken = _rest[..count];
        _rest = _rest[count..];
        return taken;
    }
}
