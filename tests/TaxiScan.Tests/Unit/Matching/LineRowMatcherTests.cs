using System.Text;
using TaxiScan.Matching;
using TaxiScan.Model;

namespace TaxiScan.Tests.Unit.Matching;

public class LineRowMatcherTests
{
    private static readonly IdTest Ids = IdTest.Create(["11865", "2"], numeric: false, Encoding.UTF8);

    [Theory]
    [InlineData("11865,2015-02-01 00:00:10,114.1,22.5", "Match")]
    [InlineData("2,x", "Match")]
    [InlineData("2,", "Match")]
    [InlineData("118650,2015-02-01,114.11865", "NoMatch")]
    [InlineData("1186,x", "NoMatch")]
    [InlineData("011865,x", "NoMatch")]
    [InlineData("22223,2015,114.011865,22.511865", "NoMatch")]
    [InlineData(",11865", "NoMatch")]
    [InlineData("11865", "Malformed")]
    [InlineData("11865;x;y", "Malformed")]
    public void Classifies_by_the_first_field_as_exact_text(string row, string expected)
    {
        var matcher = new LineRowMatcher(Ids, Comma(column: 0));

        Assert.Equal(Enum.Parse<RowVerdict>(expected), matcher.Classify(Encoding.UTF8.GetBytes(row)));
    }

    [Theory]
    [InlineData("a,b,c,d,11865,f", "Match")]
    [InlineData("a,b,c,d,011865,f", "NoMatch")]
    [InlineData("11865,b,c,d,e,f", "NoMatch")]
    [InlineData("a,b,c,d", "Malformed")]
    [InlineData("a,b,c,d,11865", "Malformed")]
    public void Finds_the_id_in_another_column_and_refuses_a_short_matching_row(string row, string expected)
    {
        var matcher = new LineRowMatcher(Ids, Comma(column: 4) with { ExpectedFields = 6 });

        Assert.Equal(Enum.Parse<RowVerdict>(expected), matcher.Classify(Encoding.UTF8.GetBytes(row)));
    }

    [Theory]
    [InlineData("  11865   37.7 -122.4 0", "Match")]
    [InlineData("\t11865\t37.7", "Match")]
    [InlineData("37.7 11865", "NoMatch")]
    [InlineData("11865", "Malformed")]
    public void Runs_of_blanks_separate_fields_and_blanks_at_the_ends_are_not_fields(string row, string expected)
    {
        var dialect = new Dialect { Delimiter = DelimiterChoice.SpaceRuns, IdColumn = 0 };

        Assert.Equal(Enum.Parse<RowVerdict>(expected), new LineRowMatcher(Ids, dialect).Classify(Encoding.UTF8.GetBytes(row)));
    }

    [Fact]
    public void A_matching_row_with_a_NUL_byte_is_malformed_not_printed()
    {
        var matcher = new LineRowMatcher(Ids, Comma(column: 0));
        byte[] row = [.. "11865,abc"u8, 0, .. "def"u8];

        Assert.Equal(RowVerdict.Malformed, matcher.Classify(row));
        Assert.Equal(MalformedKind.Binary, matcher.Explain(row).Kind);
    }

    [Fact]
    public void GB2312_bytes_after_the_id_do_not_disturb_the_match()
    {
        var row = TextEncodings.Get("gb2312").GetBytes("11865,2015-02-01 00:00:10,114.1,22.5,0,35,1,粤B12345");

        Assert.Equal(RowVerdict.Match, new LineRowMatcher(Ids, Comma(column: 0)).Classify(row));
    }

    private static Dialect Comma(int column) => new() { Delimiter = DelimiterChoice.Of((byte)','), IdColumn = column };
}
