using TaxiScan.Model;
using TaxiScan.Planning;

namespace TaxiScan.Tests.Unit.Planning;

public class ScanPlanTests
{
    private const long MiB = 1 << 20;

    private static readonly WorkUnit[] Listing =
    [
        new(0, "d/small.csv", "d/small.csv", 100),
        new(1, "d/huge.csv", "d/huge.csv", 8 * MiB),
        new(2, "d/day.csv.gz", "d/day.csv.gz", 4 * MiB, Kind: InputKind.Gzip),
    ];

    [Fact]
    public void A_large_plain_file_is_cut_into_ranges_that_form_one_split_file_and_the_partitions_cover_every_unit()
    {
        var plan = ScanPlan.For(Listing, shard: null, workers: 4, wholeFiles: false);

        var huge = plan.Units.Where(unit => unit.Path == "d/huge.csv").ToArray();
        Assert.True(huge.Length > 1);
        Assert.Equal(0, huge[0].Range!.Value.Start);
        Assert.Equal(8 * MiB, huge[^1].Range!.Value.End);
        var split = Assert.Single(plan.SplitFiles);
        Assert.Equal(new SplitFileSpan(huge[0].Index, huge.Length), split);
        Assert.Equal(plan.Units.Select(unit => unit.Index), Enumerable.Range(0, plan.Units.Count));
        Assert.Equal(plan.Units.Count, plan.Partitions.Sum(partition => partition.Count));
        Assert.Equal(plan.Units, plan.Partitions.SelectMany(plan.UnitsOf));
        Assert.Null(plan.Shard);
    }

    [Fact]
    public void When_each_file_must_be_read_whole_nothing_is_cut()
    {
        var plan = ScanPlan.For(Listing, shard: null, workers: 4, wholeFiles: true);

        Assert.Equal(Listing, plan.Units);
        Assert.Empty(plan.SplitFiles);
        Assert.True(plan.Partitions.Count <= 3);
    }

    [Fact]
    public void A_shard_plans_only_its_share_of_the_listing_numbered_from_zero()
    {
        var shards = Enumerable.Range(0, 2).Select(k => ScanPlan.For(Listing, new ShardSpec(k, 2), workers: 2, wholeFiles: true)).ToArray();

        Assert.All(shards, plan => Assert.NotNull(plan.Shard));
        Assert.Equal(Listing.Select(unit => unit.Path), shards.SelectMany(plan => plan.Units).Select(unit => unit.Path));
        Assert.All(shards, plan => Assert.Equal(Enumerable.Range(0, plan.Units.Count), plan.Units.Select(unit => unit.Index)));
        Assert.Equal(shards[0].Shard!.ListingHash, shards[1].Shard!.ListingHash);
    }

    [Fact]
    public void No_units_give_no_partitions()
    {
        var plan = ScanPlan.For([], shard: null, workers: 4, wholeFiles: false);

        Assert.Empty(plan.Units);
        Assert.Empty(plan.Partitions);
        Assert.Empty(plan.SplitFiles);
    }
}
