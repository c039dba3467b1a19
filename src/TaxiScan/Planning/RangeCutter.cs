using TaxiScan.Model;

namespace TaxiScan.Planning;

/// <summary>
/// The partitioning stage's first step: cuts large plain files into byte ranges so that N workers get
/// equal bytes even when one file holds most of them. The ordered inputs are seen as one run of bytes,
/// cut at every N-th of its length; a cut that falls inside a plain file splits it there (the pieces
/// are <see cref="ByteRange"/> units, numbered in order). A cut is not made where a piece would be
/// smaller than <see cref="MinRangeBytes"/>, or in a compressed file, zip member or stream, which
/// cannot be entered part-way. The result depends on the listing and N only.
/// </summary>
internal static class RangeCutter
{
    /// <summary>No range is smaller: below this, a worker's start-up and sniffing outweigh what a cut gains.</summary>
    public const long MinRangeBytes = 1 << 20;

    public static IReadOnlyList<WorkUnit> Cut(IReadOnlyList<WorkUnit> units, int parts, long minRangeBytes = MinRangeBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var total = units.Sum(Weight);
        var result = new List<WorkUnit>(units.Count + parts);
        long before = 0; // the weight of the units already placed
        var boundary = 1; // the next cut is at total * boundary / parts
        foreach (var unit in units)
        {
            var weight = Weight(unit);
            var cuts = new List<long>();
            while (boundary < parts)
            {
                var at = (long)((Int128)total * boundary / parts) - before;
                if (at >= weight)
                {
                    break;
                }

                boundary++;
                var previous = cuts.Count == 0 ? 0 : cuts[^1];
                if (unit.Kind == InputKind.File && unit.Range is null && at - previous >= minRangeBytes && weight - at >= minRangeBytes)
                {
                    cuts.Add(at);
                }
            }

            var start = 0L;
            foreach (var end in cuts.Append(unit.Length))
            {
                var range = cuts.Count == 0 ? unit.Range : new ByteRange(start, end);
                result.Add(unit with { Index = result.Count, Range = range });
                start = end;
            }

            before += weight;
        }

        return result;
    }

    /// <summary>Every unit weighs at least one byte, so that empty files still spread out.</summary>
    public static long Weight(WorkUnit unit) => Math.Max(1, unit.Bytes);
}
