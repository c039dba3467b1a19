using TaxiScan.Model;
using TaxiScan.Planning;


namespace TaxiScan.Tests.Unit.Planning;

public class PartitionerTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 2)]
    [InlineData(30, 6)]
    [InlineData(3, 6)]
    [InlineData(100, 64)]
    public void Partitions_are_contiguous_non_empty_and_cover_every_unit_once(int unitCount, int workers)
    {
        var random = new Random(unitCount * 31 + workers);
        var units = Enumerable.Range(0, unitCount).Select(i => new WorkUnit(i, $"f{i}", $"f{i}", random.Next(0, 1000))).ToArray();

        var partitions = Partitioner.Split(units, workers);

        Assert.Equal(Math.Min(unitCount, workers), partitions.Count);
        Assert.All(partitions, p => Assert.True(p.Count > 0));
        var next = 0;
        foreach (var partition in partitions)
        {
            Assert.Equal(next, partition.FirstUnit);
            next += partition.Count;
        }

        Assert.Equal(unitCount, next);
    }

    [Fact]
    public void Equal_files_are_shared_equally()
    {
        var units = Enumerable.Range(0, 30).Select(i => new WorkUnit(i, "f", "f", 1000)).ToArray();

        Assert.All(Partitioner.Split(units, 6), p => Assert.Equal(5, p.Count));
    }

    [Fact]
    public void Partitions_are_balanced_by_bytes_not_by_file_count()
    {
        long[] sizes = [1000, 10, 10, 10, 10, 10, 10, 10, 10, 1000];
        var units = sizes.Select((size, i) => new WorkUnit(i, "f", "f", size)).ToArray();

        var partitions = Partitioner.Split(units, 2);

        Assert.Equal([1040L, 1040L], partitions.Select(p => p.Bytes));
    }
}
