using TaxiScan.Model;

namespace TaxiScan.Planning;

/// <summary>
/// The partitioning stage: cuts the ordered units into at most N contiguous, non-empty partitions of
/// about equal bytes. Contiguity is what lets the writer produce the <c>--workers 1</c> order: partition
/// k's rows all come before partition k+1's.
/// </summary>
internal static class Partitioner
{
    public static IReadOnlyList<Partition> Split(IReadOnlyList<WorkUnit> units, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var count = Math.Min(workers, units.Count);
        var partitions = new List<Partition>(count);
        if (count == 0)
        {
            return partitions;
        }

        var total = units.Sum(RangeCutter.Weight);
        var first = 0;
        long done = 0;
        for (var p = 0; p < count; p++)
        {
            var partitionsLeft = count - p;
            var last = first; // exclusive end, grown below
            long bytes = 0;
            var target = (double)total * (p + 1) / count;
            do
            {
                bytes += RangeCutter.Weight(units[last]);
                last++;
            }
            while (last < units.Count - (partitionsLeft - 1) && done + bytes + RangeCutter.Weight(units[last]) / 2.0 <= target);

            if (p == count - 1)
            {
                while (last < units.Count)
                {
                    bytes += RangeCutter.Weight(units[last]);
                    last++;
                }
            }

            partitions.Add(new Partition(p, first, last - first, bytes));
            done += bytes;
            first = last;
        }

        return partitions;
    }
}
