using System.Text;
using TaxiScan.Matching;
using TaxiScan.Model;

namespace TaxiScan.Tests.Unit.Matching;

public class IdTestTests
{
    [Theory]
    [InlineData("11865", true)]
    [InlineData("011865", true)]
    [InlineData("+11865", true)]
    [InlineData(" 11865 ", true)]
    [InlineData("\t0011865", true)]
    [InlineData("118650", false)]
    [InlineData("1186", false)]
    [InlineData("11865.0", false)]
    [InlineData("1 1865", false)]
    [InlineData("", false)]
    [InlineData("+", false)]
    [InlineData("粤B11865", false)]
    public void Numeric_compares_integers_like_int_of_the_field(string field, bool matches)
    {
        var ids = IdTest.Create(["11865"], numeric: true, Encoding.UTF8);

        Assert.Equal(matches, ids.Matches(Encoding.UTF8.GetBytes(field)));
    }

    [Theory]
    [InlineData("0", "-0", true)]
    [InlineData("0", "000", true)]
    [InlineData("-5", "-005", true)]
    [InlineData("-5", "5", false)]
    [InlineData("007", "7", true)]
    public void Numeric_handles_zero_and_signs(string id, string field, bool matches)
    {
        Assert.Equal(matches, IdTest.Create([id], numeric: true, Encoding.UTF8).Matches(Encoding.UTF8.GetBytes(field)));
    }

    [Theory]
    [InlineData("11865", true)]
    [InlineData("011865", false)]
    [InlineData(" 11865", false)]
    public void Exact_compares_bytes(string field, bool matches)
    {
        Assert.Equal(matches, IdTest.Create(["11865"], numeric: false, Encoding.UTF8).Matches(Encoding.UTF8.GetBytes(field)));
    }

    [Fact]
    public void A_plate_id_is_encoded_as_the_input_is()
    {
        var gbk = TextEncodings.Get("gbk");
        var ids = IdTest.Create(["粤B12345"], numeric: false, gbk);

        Assert.True(ids.Matches(gbk.GetBytes("粤B12345")));
        Assert.False(ids.Matches(Encoding.UTF8.GetBytes("粤B12345")));
    }

    [Fact]
    public void Thousands_of_ids_are_all_found_and_near_misses_are_not()
    {
        var many = Enumerable.Range(0, 5000).Select(i => (i * 7919).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var ids = IdTest.Create(many, numeric: false, Encoding.UTF8);

        Assert.All(many, id => Assert.True(ids.Matches(Encoding.UTF8.GetBytes(id))));
        Assert.All(many, id => Assert.False(ids.Matches(Encoding.UTF8.GetBytes("0" + id))));
    }
}
