using System.Buffers.Binary;
using System.Text;

namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: reads little-endian fields from a payload in order; the decoding half of
/// <see cref="PayloadWriter"/>. A field that runs past the payload's end, and a payload with bytes left
/// over once its last field is read (<see cref="End"/>), are <see cref="InvalidDataException"/>s.
/// </summary>
internal ref struct PayloadReader(ReadOnlySpan<byte> payload)
{
    private ReadOnlySpan<byte> _rest = payload;

    public readonly ReadOnlySpan<byte> Rest => _rest;

    public byte Byte() => Take(1)[0];

    /// <summary>A byte that must be 0 or 1: anything else means the two ends disagree on the layout.</summary>
    public bool Bool() => Byte() switch
    {
        0 => false,
        1 => true,
        var other => throw new InvalidDataException($"a flag byte of {other}"),
    };

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public string String()
    {
        var count = Int32();
        return Encoding.UTF8.GetString(Take(count));
    }

    /// <summary>See <see cref="PayloadWriter.OptionalString"/>.</summary>
    public string? OptionalString() => Bool() ? String() : null;

    /// <summary>Checks that every byte was read: a longer payload is one of another layout.</summary>
    public readonly void End()
    {
        if (!_rest.IsEmpty)
        {
            throw new InvalidDataException($"{_rest.Length} bytes past the payload's last field");
        }
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
