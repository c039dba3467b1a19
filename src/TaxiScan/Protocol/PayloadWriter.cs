using System.Buffers.Binary;
using System.Text;

namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: appends little-endian fields to a growable buffer; the encoding half of the payloads,
/// which the codecs drive (<see cref="PayloadReader"/> is the decoding half).
/// </summary>
internal sealed class PayloadWriter
{
    private byte[] _buffer = new byte[256];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public PayloadWriter Clear()
    {
        Length = 0;
        return this;
    }

    public PayloadWriter Byte(byte value)
    {
        Reserve(1)[0] = value;
        return this;
    }

    public PayloadWriter Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    public PayloadWriter Int32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);
        return this;
    }

    public PayloadWriter Int64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);
        return this;
    }

    public PayloadWriter String(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        Int32(count);
        Encoding.UTF8.GetBytes(value, Reserve(count));
        return this;
    }

    /// <summary>A presence byte, then the string when there is one (so that null and "" stay apart).</summary>
    public PayloadWriter OptionalString(string? value) => value is null ? Bool(false) : Bool(true).String(value);

    public PayloadWriter Bytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(Reserve(value.Length));
        return this;
    }

    private Span<byte> Reserve(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        }

        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
