using TaxiScan.Model;

namespace TaxiScan.Planning;

/// <summary>
/// Planning stage: the whole plan of one run, from the selected units and the options, and nothing else (no
/// file is opened, no process started): this shard's share (<c>--shard</c>), the units after range cutting,
/// the workers' partitions and the files cut into several ranges. The coordinator follows it.
/// </summary>
internal sealed record ScanPlan(IReadOnlyList<WorkUnit> Units, IReadOnlyList<Partition> Partitions, IReadOnlyList<SplitFileSpan> SplitFiles, ShardPlan? Shard)
{
    /// <param name="selected">The inputs after discovery and <c>--id-from-path</c>, in order.</param>
    /// <param name="shard">This run's shard, if any.</param>
    /// <param name="workers">How many workers may run (<c>--workers</c>).</param>
    /// <param name="wholeFiles">Whether each file must be read from its start by one worker (line numbers, <c>--max-count</c>).</param>
    public static ScanPlan For(IReadOnlyList<WorkUnit> selected, ShardSpec? shard, int workers, bool wholeFiles)
    {
        var units = selected;
        ShardPlan? shardPlan = null;
        if (shard is { } spec)
        {
            // The whole listing is cut for all shards alike; this run keeps its share, which may be empty
            // (its part and manifest are still written, so that merge sees the shard done).
            shardPlan = ShardPlan.For(units, spec, cutFiles: !wholeFiles);
            units = shardPlan.Units;
        }

        // Cut by bytes, so that one huge file keeps every worker busy; each worker gets a contiguous run of units.
        units = wholeFiles ? units : RangeCutter.Cut(units, workers);
        return new ScanPlan(units, Partitioner.Split(units, workers), FindSplitFiles(units), shardPlan);
    }

    /// <summary>The units of a partition, in order.</summary>
    public WorkUnit[] UnitsOf(Partition partition) => [.. Units.Skip(partition.FirstUnit).Take(partition.Count)];

    // Consecutive byte ranges of one file, the first bounded and the rest starting past byte 0, are one split
    // file: they are settled together (see Coordination/SplitFile).
    private static List<SplitFileSpan> FindSplitFiles(IReadOnlyList<WorkUnit> units)
    {
        var spans = new List<SplitFileSpan>();
        for (var first = 0; first < units.Count;)
        {
            var last = first;
            while (units[first].Range is { IsBounded: true } && last + 1 < units.Count
                && units[last + 1].Range is { Start: > 0 } && units[last + 1].Path == units[first].Path)
            {
                last++;
            }

            if (last > first)
            {
                spans.Add(new SplitFileSpan(first, last - first + 1));
            }

            first = last + 1;
        }

        return spans;
    }
}

/// <summary>One file cut into the consecutive units <c>[FirstUnit, FirstUnit + Count)</c>.</summary>
internal sealed record SplitFileSpan(int FirstUnit, int Count);
