using TaxiScan.Model;
using TaxiScan.Planning;


namespace TaxiScan.Tests.Unit.Planning;

/// <summary>Cutting by bytes: balanced parts, pieces never below the minimum, only plain files cut, and the same cut every time.</summary>
public class RangeCutterTests
{
    private const long MiB = 1 << 20;

    [Fact]
    public void One_huge_file_among_small_ones_is_cut_so_that_every_worker_gets_an_equal_share()
    {
        var units = Units(10 * MiB, 10 * MiB, 1000 * MiB, 10 * MiB);

        var cut = RangeCutter.Cut(units, 4);
        var partitions = Partitioner.Split(cut, 4);

        Assert.Equal(Enumerable.Range(0, cut.Count), cut.Select(unit => unit.Index));
        Assert.Equal(units.Sum(unit => unit.Length), cut.Sum(unit => unit.Bytes));
        Assert.All(partitions, partition => Assert.InRange(partition.Bytes, (257 * MiB) + (MiB / 2), (258 * MiB) + (MiB / 2)));
        var pieces = cut.Where(unit => unit.Path == "f2").ToList();
        Assert.Equal(4, pieces.Count);
        Assert.Equal(0, pieces[0].Range!.Value.Start);
        Assert.Equal(1000 * MiB, pieces[^1].Range!.Value.End);
        Assert.All(pieces.Zip(pieces.Skip(1)), pair => Assert.Equal(pair.First.Range!.Value.End, pair.Second.Range!.Value.Start));
    }

    [Fact]
    public void Small_files_compressed_files_and_streams_are_never_cut()
    {
        var units = new[]
        {
            new WorkUnit(0, "a.csv.gz", "a.csv.gz", 500 * MiB, Kind: InputKind.Gzip),
            new WorkUnit(1, "b.csv", "b.csv", MiB + 5),
            new WorkUnit(2, "/dev/fd/5", "-", 0, Kind: InputKind.Stdin),
        };

        var cut = RangeCutter.Cut(units, 8);

        Assert.Equal(3, cut.Count);
        Assert.All(cut, unit => Assert.Null(unit.Range));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public void Pieces_cover_each_file_exactly_and_are_never_below_the_minimum(int parts)
    {
        var random = new Random(parts);
        var units = Units([.. Enumerable.Range(0, 40).Select(_ => (long)random.Next(0, 300) * (random.Next(4) == 0 ? MiB : 1024))]);

        var cut = RangeCutter.Cut(units, parts);

        Assert.Equal(cut, RangeCutter.Cut(units, parts)); // the same listing and N give the same cut
        foreach (var file in cut.GroupBy(unit => unit.Path))
        {
            var pieces = file.ToList();
            if (pieces.Count == 1)
            {
                continue;
            }

            Assert.Equal(0, pieces[0].Range!.Value.Start);
            Assert.Equal(pieces[0].Length, pieces[^1].Range!.Value.End);
            Assert.All(pieces, piece => Assert.True(piece.Bytes >= RangeCutter.MinRangeBytes, $"{piece}"));
            Assert.All(pieces.Zip(pieces.Skip(1)), pair => Assert.Equal(pair.First.Range!.Value.End, pair.Second.Range!.Value.Start));
        }

        Assert.True(cut.Count - units.Length <= parts - 1, "at most one cut per boundary");
    }

    private static WorkUnit[] Units(params long[] lengths) =>
        [.. lengths.Select((length, i) => new WorkUnit(i, $"f{i}", $"f{i}", length))];
}
