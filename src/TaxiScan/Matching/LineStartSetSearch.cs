using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TaxiScan.Matching;

/// <summary>
/// Candidate search for many ids (an <c>--ids-file</c> of thousands) in the first field: each row's
/// first bytes, up to the delimiter where an id of that length would end, are looked up in a bit table
/// hashed from the ids' leading bytes. A row is a candidate only if its bit is set, so the cost per row
/// is a few instructions whatever the number of ids; the exact check weeds out the rare false hit.
/// </summary>
internal sealed class LineStartSetSearch : CandidateSearch
{
    /// <summary>Ids of more lengths than this (a ragged list) are left to the exact path.</summary>
    private const int MaxDistinctLengths = 4;

    private const int TableBits = 16;

    private readonly ulong[] _table = new ulong[(1 << TableBits) / 64];
    private readonly int[] _lengths;
    private readonly byte _delimiter;
    private readonly int _singleShortLength; // the ids' one length, if they have one and it is under 8; else 0

    private LineStartSetSearch(IdSet ids, int[] lengths, byte delimiter)
    {
        _lengths = lengths;
        _delimiter = delimiter;
        _singleShortLength = lengths is [< sizeof(ulong) and var only] ? only : 0;
        foreach (var id in ids.All)
        {
            var slot = Slot(Key(id), id.Length);
            _table[slot >> 6] |= 1UL << (slot & 63);
        }
    }

    public static LineStartSetSearch? TryCreate(IdSet ids, byte delimiter)
    {
        var lengths = ids.All.Select(id => id.Length).Distinct().Order().ToArray();
        return lengths.Length <= MaxDistinctLengths && lengths[0] > 0 ? new LineStartSetSearch(ids, lengths, delimiter) : null;
    }

    public override int NextCandidate(ReadOnlySpan<byte> lines, int from)
    {
        if (IsCandidate(lines[from..]))
        {
            return from;
        }

        // Every other row starts after a line break: find them 64 (or 32) bytes at a time, as a bit mask,
        // and test each row's first eight bytes where they are (this loop runs once per row of the file).
        var at = from;
        ref var start = ref MemoryMarshal.GetReference(lines);
        if (Vector512.IsHardwareAccelerated)
        {
            var newline = Vector512.Create((byte)'\n');
            for (; at <= lines.Length - Vector512<byte>.Count; at += Vector512<byte>.Count)
            {
                var breaks = Vector512.Equals(Vector512.LoadUnsafe(ref start, (nuint)at), newline).ExtractMostSignificantBits();
                if (breaks != 0 && FirstCandidateAfter(breaks, at, lines, ref start) is var row and >= 0)
                {
                    return row;
                }
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var newline = Vector256.Create((byte)'\n');
            for (; at <= lines.Length - Vector256<byte>.Count; at += Vector256<byte>.Count)
            {
                var breaks = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)at), newline).ExtractMostSignificantBits();
                if (breaks != 0 && FirstCandidateAfter(breaks, at, lines, ref start) is var row and >= 0)
                {
                    return row;
                }
            }
        }

        for (; at < lines.Length - 1; at++)
        {
            if (lines[at] == (byte)'\n' && IsCandidate(lines[(at + 1)..]))
            {
                return at + 1;
            }
        }

        return -1;
    }

    // The first candidate among the rows that start after the line breaks set in `breaks` (bit i: at + i), or -1.
    private int FirstCandidateAfter(ulong breaks, int at, ReadOnlySpan<byte> lines, ref byte start)
    {
        for (; breaks != 0; breaks &= breaks - 1)
        {
            var row = at + BitOperations.TrailingZeroCount(breaks) + 1;
            if (IsCandidateAt(lines, ref start, row))
            {
                return row;
            }
        }

        return -1;
    }

    // The row at `row` of `lines`: with one id length of up to seven bytes and eight bytes to read, the
    // delimiter test and the table lookup straight from one unaligned load, no span slicing.
    private bool IsCandidateAt(ReadOnlySpan<byte> lines, ref byte start, int row)
    {
        if (_singleShortLength > 0 && row <= lines.Length - sizeof(ulong))
        {
            var head = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, row));
            return unchecked((byte)(head >> (8 * _singleShortLength))) == _delimiter
                && Test(head & ((1UL << (8 * _singleShortLength)) - 1), _singleShortLength);
        }

        return row < lines.Length && IsCandidate(lines[row..]);
    }

    private bool IsCandidate(ReadOnlySpan<byte> row)
    {
        if (row.Length > sizeof(ulong))
        {
            // The common case, in registers: the row's first eight bytes hold any id of up to seven bytes and its delimiter.
            var head = BinaryPrimitives.ReadUInt64LittleEndian(row);
            foreach (var length in _lengths)
            {
                if (length >= row.Length)
                {
                    break; // no room for the delimiter (lengths are in ascending order)
                }

                var next = length < sizeof(ulong) ? unchecked((byte)(head >> (8 * length))) : row[length];
                var key = length < sizeof(ulong) ? head & ((1UL << (8 * length)) - 1) : head;
                if (next == _delimiter && Test(key, length))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var length in _lengths)
        {
            if (length >= row.Length)
            {
                return length <= row.Length && Test(Key(row[..length]), length); // a last line holding just the id
            }

            if (row[length] == _delimiter && Test(Key(row[..length]), length))
            {
                return true;
            }
        }

        return false;
    }

    private bool Test(ulong key, int length)
    {
        var slot = Slot(key, length);
        return (_table[slot >> 6] & (1UL << (slot & 63))) != 0;
    }

    // The first eight bytes of the field (fewer if it is shorter), as one number.
    private static ulong Key(ReadOnlySpan<byte> field)
    {
        if (field.Length >= sizeof(ulong))
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(field);
        }

        ulong key = 0;
        for (var i = field.Length - 1; i >= 0; i--)
        {
            key = (key << 8) | field[i];
        }

        return key;
    }

    private static int Slot(ulong key, int length) =>
        (int)(unchecked((key ^ (ulong)length) * 0x9E3779B97F4A7C15UL) >> (64 - TableBits));
}
