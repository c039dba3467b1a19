using TaxiScan.Model;
using TaxiScan.Planning;


namespace TaxiScan.Tests.Unit.Planning;

/// <summary>The shard split: every byte of every file (so every row) in exactly one shard, for many N and file-size mixes.</summary>
public class ShardPlanTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Shards_tile_every_file_exactly_once_in_order(int seed)
    {
        var random = new Random(seed);
        var listing = RandomListing(random);
        foreach (var count in new[] { 1, 2, 3, 5, 7, 8, 16, 64 })
        {
            var shards = Enumerable.Range(0, count).Select(index => ShardPlan.For(listing, new ShardSpec(index, count), cutFiles: true)).ToList();

            // Contiguous, in shard order, each from where the one before ended.
            var next = 0;
            foreach (var shard in shards)
            {
                Assert.Equal(next, shard.FirstUnit);
                next += shard.Units.Count;
            }

            Assert.Equal(shards[0].UnitCount, next);

            // Per file, the pieces of all shards cover [0, length) once, in order.
            var pieces = shards.SelectMany(shard => shard.Units).GroupBy(unit => unit.Path);
            Assert.Equal(listing.Select(unit => unit.Path), pieces.Select(file => file.Key));
            foreach (var file in pieces)
            {
                var length = listing.Single(unit => unit.Path == file.Key).Length;
                var at = 0L;
                foreach (var piece in file)
                {
                    var range = piece.Range ?? new ByteRange(0, length);
                    Assert.Equal(at, range.Start);
                    at = range.End;
                }

                Assert.Equal(length, at);
            }

            Assert.Single(shards.Select(shard => shard.ListingHash).Distinct());
        }
    }

    [Fact]
    public void The_listing_hash_changes_with_a_files_length_and_with_the_number_of_shards()
    {
        var listing = RandomListing(new Random(3));
        var grown = listing.Select((unit, i) => i == 1 ? unit with { Length = unit.Length + 1 } : unit).ToList();

        var hash = ShardPlan.For(listing, new ShardSpec(0, 3), cutFiles: true).ListingHash;

        Assert.NotEqual(hash, ShardPlan.For(grown, new ShardSpec(0, 3), cutFiles: true).ListingHash);
        Assert.NotEqual(hash, ShardPlan.For(listing, new ShardSpec(0, 4), cutFiles: true).ListingHash);
    }

    [Fact]
    public void Without_cutting_each_file_is_whole_in_one_shard()
    {
        var listing = RandomListing(new Random(9));

        var units = Enumerable.Range(0, 5).SelectMany(index => ShardPlan.For(listing, new ShardSpec(index, 5), cutFiles: false).Units).ToList();

        Assert.Equal(listing.Select(unit => unit.Path), units.Select(unit => unit.Path));
        Assert.All(units, unit => Assert.Null(unit.Range));
    }

    // A mix of empty, small, about-a-mebibyte and huge files, with a .gz (never cut) among them.
    private static List<WorkUnit> RandomListing(Random random)
    {
        var files = random.Next(1, 30);
        return [.. Enumerable.Range(0, files).Select(i =>
        {
            var length = random.Next(5) switch
            {
                0 => 0L,
                1 => random.Next(1, 10_000),
                2 => random.Next(500_000, 3_000_000),
                3 => random.NextInt64(50_000_000, 5_000_000_000),
                _ => random.NextInt64(1, 200_000_000),
            };
            var gz = random.Next(8) == 0;
            return new WorkUnit(i, $"/data/{i:D3}.csv{(gz ? ".gz" : "")}", $"data/{i:D3}.csv{(gz ? ".gz" : "")}", length, Kind: gz ? InputKind.Gzip : InputKind.File);
        })];
    }
}
