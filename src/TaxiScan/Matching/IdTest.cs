using System.Text;

namespace TaxiScan.Matching;

/// <summary>
/// The id comparison of the matching stage: is this id field one of the ids? Exact mode compares bytes
/// (the ids encoded as the input is). Numeric mode (<c>--numeric</c>) compares integers the way the users'
/// <c>int(field) == id</c> scripts do: blanks around the field, a sign and leading zeros are ignored, and a
/// field that is not an integer never matches. Both modes cost one hash lookup per row however many ids there are.
/// </summary>
internal sealed class IdTest
{
    /// <summary>Numeric fields longer than this cannot match (no id is that long) and are not canonicalised.</summary>
    private const int MaxNumericLength = 128;

    private readonly IdSet _ids;
    private readonly bool _numeric;

    private IdTest(IdSet ids, bool numeric)
    {
        _ids = ids;
        _numeric = numeric;
    }

    /// <exception cref="ArgumentException">Numeric mode and an id that is not an integer.</exception>
    public static IdTest Create(IReadOnlyList<string> ids, bool numeric, Encoding encoding)
    {
        if (!numeric)
        {
            return new IdTest(new IdSet(ids, encoding), numeric: false);
        }

        var canonical = new List<string>(ids.Count);
        Span<byte> buffer = stackalloc byte[MaxNumericLength];
        foreach (var id in ids)
        {
            var bytes = Encoding.ASCII.GetBytes(id);
            if (id.Any(c => c > 127) || !TryCanonicalInteger(bytes, buffer, out var length))
            {
                throw new ArgumentException($"--numeric: id '{id}' is not an integer");
            }

            canonical.Add(Encoding.ASCII.GetString(buffer[..length]));
        }

        return new IdTest(new IdSet(canonical, Encoding.ASCII), numeric: true);
    }

    /// <summary>The ids as bytes (in numeric mode, their canonical integers).</summary>
    public IdSet Set => _ids;

    /// <summary>Ids are compared as integers.</summary>
    public bool Numeric => _numeric;

    public bool Matches(ReadOnlySpan<byte> field)
    {
        if (!_numeric)
        {
            return _ids.Contains(field);
        }

        Span<byte> canonical = stackalloc byte[MaxNumericLength];
        return TryCanonicalInteger(field, canonical, out var length) && _ids.Contains(canonical[..length]);
    }

    /// <summary>
    /// Writes the canonical form of an integer field: optional '-', then digits without leading zeros
    /// ("0" for zero, also for "-0"). Blanks around the field and a '+' are dropped.
    /// </summary>
    /// <returns>False when the field is not an integer (or is absurdly long).</returns>
    internal static bool TryCanonicalInteger(ReadOnlySpan<byte> field, Span<byte> destination, out int length)
    {
        length = 0;
        field = field.Trim(" \t"u8);
        var negative = false;
        if (!field.IsEmpty && (field[0] == (byte)'+' || field[0] == (byte)'-'))
        {
            negative = field[0] == (byte)'-';
            field = field[1..];
        }

        if (field.IsEmpty || field.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }

        var digits = field.TrimStart((byte)'0');
        if (digits.IsEmpty)
        {
            digits = "0"u8;
            negative = false;
        }

        if (digits.Length + 1 > destination.Length)
        {
            return false;
        }

        if (negative)
        {
            destination[length++] = (byte)'-';
        }

        digits.CopyTo(destination[length..]);
        length += digits.Length;
        return true;
    }
}
