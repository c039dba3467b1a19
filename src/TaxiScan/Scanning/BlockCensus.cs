using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TaxiScan.Matching;

namespace TaxiScan.Scanning;

/// <summary>
/// The fast path's look at a whole block, in one vectorised pass: how many line breaks and delimiters it
/// holds, whether it holds a NUL byte or a double quote, and (given a <see cref="NeedleFilter"/>) where the
/// candidate search's needle may be. From these the line scanner knows the block's line count without
/// cutting it into rows, where candidate rows may be, and whether the block may skip the exact path: a
/// NUL (binary data), a quote (the quoted path must read it) or too few delimiters for its lines (a
/// short or undelimited row somewhere) sends the block through the row-by-row exact path instead.
/// Reading each byte once for all these questions is what makes the census nearly free next to the search.
/// </summary>
internal readonly record struct BlockCensus(int LineBreaks, int Delimiters, bool HasNul, bool HasQuote)
{
    /// <summary>Whether <see cref="Of"/> can apply a needle filter in its pass (it needs 512-bit vectors).</summary>
    public static bool FiltersNeedles => Vector512.IsHardwareAccelerated;

    /// <param name="block">Whole lines.</param>
    /// <param name="delimiter">The delimiter byte to count.</param>
    /// <param name="needle">A needle filter to apply, or null; only applied when <see cref="FiltersNeedles"/>.</param>
    /// <param name="needleHits">Receives, in ascending order, every position where <paramref name="needle"/> matches.</param>
    public static BlockCensus Of(ReadOnlySpan<byte> block, byte delimiter, NeedleFilter? needle = null, List<int>? needleHits = null)
    {
        if (!FiltersNeedles)
        {
            // Without 512-bit vectors one pass costs more than the built-in searches, each vectorised at its best width.
            return new BlockCensus(block.Count((byte)'\n'), block.Count(delimiter), block.Contains((byte)0), block.Contains((byte)'"'));
        }

        var lineBreaks = 0;
        var delimiters = 0;
        ulong nulOrQuote = 0;
        var i = 0;
        ref var start = ref MemoryMarshal.GetReference(block);
        var newline = Vector512.Create((byte)'\n');
        var separator = Vector512.Create(delimiter);
        var quote = Vector512.Create((byte)'"');
        if (needle is { } filter && needleHits is not null)
        {
            var first = Vector512.Create(filter.First);
            var second = Vector512.Create(filter.Second);
            var last = Vector512.Create(filter.Last);
            for (; i <= block.Length - Vector512<byte>.Count - filter.LastAt; i += Vector512<byte>.Count)
            {
                var chunk = Vector512.LoadUnsafe(ref start, (nuint)i);
                var breaks = Vector512.Equals(chunk, newline).ExtractMostSignificantBits();
                lineBreaks += BitOperations.PopCount(breaks);
                delimiters += BitOperations.PopCount(Vector512.Equals(chunk, separator).ExtractMostSignificantBits());
                nulOrQuote |= (Vector512.Equals(chunk, Vector512<byte>.Zero) | Vector512.Equals(chunk, quote)).ExtractMostSignificantBits();
                var hits = (Vector512.Equals(chunk, first)
                    & Vector512.Equals(Vector512.LoadUnsafe(ref start, (nuint)(i + filter.SecondAt)), second)
                    & Vector512.Equals(Vector512.LoadUnsafe(ref start, (nuint)(i + filter.LastAt)), last)).ExtractMostSignificantBits();
                while (hits != 0)
                {
                    needleHits.Add(i + BitOperations.TrailingZeroCount(hits));
                    hits &= hits - 1;
                }
            }

            // The last bytes, where the filter's last byte would lie past the end of the block.
            for (var at = i; at < block.Length - filter.LastAt; at++)
            {
                if (block[at] == filter.First && block[at + filter.SecondAt] == filter.Second && block[at + filter.LastAt] == filter.Last)
                {
                    needleHits.Add(at);
                }
            }
        }
        else
        {
            for (; i <= block.Length - Vector512<byte>.Count; i += Vector512<byte>.Count)
            {
                var chunk = Vector512.LoadUnsafe(ref start, (nuint)i);
                lineBreaks += BitOperations.PopCount(Vector512.Equals(chunk, newline).ExtractMostSignificantBits());
                delimiters += BitOperations.PopCount(Vector512.Equals(chunk, separator).ExtractMostSignificantBits());
                nulOrQuote |= (Vector512.Equals(chunk, Vector512<byte>.Zero) | Vector512.Equals(chunk, quote)).ExtractMostSignificantBits();
            }
        }

        var tail = block[i..];
        var hasNul = tail.Contains((byte)0);
        var hasQuote = tail.Contains((byte)'"');
        if (nulOrQuote != 0)
        {
            // Rare: only now tell the two apart.
            hasNul |= block[..i].Contains((byte)0);
            hasQuote |= block[..i].Contains((byte)'"');
        }

        return new BlockCensus(lineBreaks + tail.Count((byte)'\n'), delimiters + tail.Count(delimiter), hasNul, hasQuote);
    }
}
