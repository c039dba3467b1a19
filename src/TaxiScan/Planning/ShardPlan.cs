using System.Security.Cryptography;
using System.Text;
using TaxiScan.Model;

namespace TaxiScan.Planning;

/// <summary>
/// The sharding stage (<c>--shard K/N</c>), between discovery and the workers: the whole input is cut for N
/// shards exactly as it is cut for N workers (<see cref="RangeCutter"/>, then <see cref="Partitioner"/>), and
/// this run keeps shard K's units. The cut depends only on the listing and N, so every task of an array
/// job, on any machine, agrees on it; the listing's hash, kept in each part's manifest, lets
/// <c>taxiscan merge</c> tell parts made from different listings apart.
/// </summary>
internal sealed record ShardPlan(IReadOnlyList<WorkUnit> Units, int FirstUnit, int UnitCount, string ListingHash, IReadOnlySet<string> FilesCrossingShards)
{
    /// <param name="listing">Every input, as discovery listed them.</param>
    /// <param name="shard">Which shard this run is.</param>
    /// <param name="cutFiles">Whether files may be cut into byte ranges (not when each must be read whole: -n, -H, --max-count).</param>
    public static ShardPlan For(IReadOnlyList<WorkUnit> listing, ShardSpec shard, bool cutFiles)
    {
        var all = cutFiles ? RangeCutter.Cut(listing, shard.Count) : listing;
        var partitions = Partitioner.Split(all, shard.Count);
        var mine = shard.Index < partitions.Count ? partitions[shard.Index] : new Partition(shard.Index, all.Count, 0, 0);
        var units = all.Skip(mine.FirstUnit).Take(mine.Count).Select((unit, local) => unit with { Index = local }).ToList();

        // A file with ranges in more than one shard: a shard cannot read on past its share of it when it meets a
        // quote (the rest belongs to another shard), so that case is an error for the file (see ScanCoordinator).
        var shardOfRange = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var p = 0; p < partitions.Count; p++)
        {
            foreach (var unit in all.Skip(partitions[p].FirstUnit).Take(partitions[p].Count).Where(unit => unit.Range is not null))
            {
                (shardOfRange.TryGetValue(unit.Path, out var shards) ? shards : shardOfRange[unit.Path] = []).Add(p);
            }
        }

        var crossing = shardOfRange.Where(file => file.Value.Count > 1).Select(file => file.Key).ToHashSet(StringComparer.Ordinal);
        return new ShardPlan(units, mine.FirstUnit, all.Count, HashOf(listing, shard.Count), crossing);
    }

    // What the cut depends on: each input's name as given, kind, zip member and length, and N. Full paths are
    // left out, so tasks that see the data under different mount points still agree.
    private static string HashOf(IReadOnlyList<WorkUnit> listing, int count)
    {
        var text = new StringBuilder().Append("taxiscan-listing/1\n").Append(count).Append('\n');
        foreach (var unit in listing)
        {
            text.Append(unit.DisplayPath).Append('\0').Append((int)unit.Kind).Append('\0').Append(unit.Member).Append('\0').Append(unit.Length).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
