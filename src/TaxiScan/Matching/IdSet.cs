using System.Text;

namespace TaxiScan.Matching;

/// <summary>
/// A set of ids as raw bytes with an allocation-free membership test for a span. One id is a plain
/// comparison; thousands go through an open-addressing table, so the per-row cost does not grow
/// with the number of ids.
/// </summary>
internal sealed class IdSet
{
    private readonly byte[][] _ids;
    private readonly int[] _slots; // 1-based indexes into _ids; 0 is an empty slot
    private readonly int _mask;
    private readonly int _minLength;
    private readonly int _maxLength;

    public IdSet(IEnumerable<string> ids, Encoding encoding)
    {
        _ids = ids.Select(encoding.GetBytes)
            .DistinctBy(Convert.ToHexString)
            .ToArray();
        if (_ids.Length == 0)
        {
            throw new ArgumentException("at least one id is needed", nameof(ids));
        }

        _minLength = _ids.Min(id => id.Length);
        _maxLength = _ids.Max(id => id.Length);
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, _ids.Length * 2));
        _slots = new int[size];
        _mask = size - 1;
        for (var i = 0; i < _ids.Length; i++)
        {
            var slot = Hash(_ids[i]) & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = i + 1;
        }
    }

    public int Count => _ids.Length;

    /// <summary>The ids' bytes, each once.</summary>
    public IReadOnlyList<byte[]> All => _ids;

    /// <summary>The only id (for a set of one).</summary>
    public byte[] Single => _ids.Length == 1 ? _ids[0] : throw new InvalidOperationException("the set has more than one id");

    public bool Contains(ReadOnlySpan<byte> candidate)
    {
        if (candidate.Length < _minLength || candidate.Length > _maxLength)
        {
            return false;
        }

        if (_ids.Length == 1)
        {
            return candidate.SequenceEqual(_ids[0]);
        }

        var slot = Hash(candidate) & _mask;
        while (_slots[slot] != 0)
        {
            if (candidate.SequenceEqual(_ids[_slots[slot] - 1]))
            {
                return true;
            }

            slot = (slot + 1) & _mask;
        }

        return false;
    }

    // FNV-1a: ids are short, and a fixed hash keeps the table identical in every process.
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return (int)(hash & 0x7fffffff);
    }
}
