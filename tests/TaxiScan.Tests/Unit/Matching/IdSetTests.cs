using System.Text;
using TaxiScan.Matching;

namespace TaxiScan.Tests.Unit.Matching;

public class IdSetTests
{
    [Fact]
    public void One_id_matches_only_itself()
    {
        var ids = new IdSet(["11865"], Encoding.UTF8);

        Assert.True(ids.Contains("11865"u8));
        Assert.False(ids.Contains("1186"u8));
        Assert.False(ids.Contains("118650"u8));
        Assert.False(ids.Contains("011865"u8));
        Assert.False(ids.Contains(""u8));
    }

    [Fact]
    public void Thousands_of_ids_are_all_found_and_near_misses_are_not()
    {
        var values = Enumerable.Range(0, 5000).Select(i => (10000 + (i * 7)).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var ids = new IdSet(values, Encoding.UTF8);

        Assert.Equal(5000, ids.Count);
        Assert.All(values, value => Assert.True(ids.Contains(Encoding.UTF8.GetBytes(value))));
        Assert.False(ids.Contains("10001"u8));
        Assert.False(ids.Contains("100000"u8));
    }

    [Fact]
    public void Duplicate_ids_count_once()
    {
        Assert.Equal(2, new IdSet(["1", "2", "1"], Encoding.UTF8).Count);
    }
}
