using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TaxiScan.Scanning;

/// <summary>
/// The fast path's look at a whole block, in one vectorised pass: how many line breaks and delimiters it
/// holds, and whether it holds a NUL byte or a double quote. From these the line scanner knows the
/// block's line count without cutting it into rows, and whether the block may skip the exact path:
/// a NUL (binary data), a quote (the quoted path must read it) or too few delimiters for its lines
/// (a short or undelimited row somewhere) sends the block through the row-by-row exact path instead.
/// With 512-bit vectors the four questions cost about what one of them costs.
/// </summary>
internal readonly record struct BlockCensus(int LineBreaks, int Delimiters, bool HasNul, bool HasQuote)
{
    public static BlockCensus Of(ReadOnlySpan<byte> block, byte delimiter)
    {
        var lineBreaks = 0;
        var delimiters = 0;
        var nulOrQuote = Vector512<byte>.Zero;
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(block);
            var newline = Vector512.Create((byte)'\n');
            var separator = Vector512.Create(delimiter);
            var quote = Vector512.Create((byte)'"');
            while (i <= block.Length - Vector512<byte>.Count)
            {
                // Count in byte lanes (a match is 0xFF, so subtracting it adds one) for at most 255
                // vectors, then add the lanes up: no per-vector mask extraction or popcount.
                var breakLanes = Vector512<byte>.Zero;
                var delimiterLanes = Vector512<byte>.Zero;
                var stop = Math.Min(block.Length - Vector512<byte>.Count, i + (254 * Vector512<byte>.Count)); // 255 vectors
                for (; i <= stop; i += Vector512<byte>.Count)
                {
                    var chunk = Vector512.LoadUnsafe(ref start, (nuint)i);
                    breakLanes -= Vector512.Equals(chunk, newline);
                    delimiterLanes -= Vector512.Equals(chunk, separator);
                    nulOrQuote |= Vector512.Equals(chunk, Vector512<byte>.Zero) | Vector512.Equals(chunk, quote);
                }

                lineBreaks += SumOfLanes(breakLanes);
                delimiters += SumOfLanes(delimiterLanes);
            }
        }

        else
        {
            // Without 512-bit vectors one pass costs more than the built-in searches, each vectorised at its best width.
            return new BlockCensus(block.Count((byte)'\n'), block.Count(delimiter), block.Contains((byte)0), block.Contains((byte)'"'));
        }

        var tail = block[i..];
        var hasNul = tail.Contains((byte)0);
        var hasQuote = tail.Contains((byte)'"');
        if (nulOrQuote != Vector512<byte>.Zero)
        {
            // Rare: only now tell the two apart.
            hasNul |= block[..i].Contains((byte)0);
            hasQuote |= block[..i].Contains((byte)'"');
        }

        return new BlockCensus(
            lineBreaks + tail.Count((byte)'\n'),
            delimiters + tail.Count(delimiter),
            hasNul,
            hasQuote);
    }

    private static int SumOfLanes(Vector512<byte> lanes)
    {
        var (low, high) = Vector512.Widen(lanes);
        return Vector512.Sum(low + high);
    }
}
