using System.Text;
using TaxiScan.Matching;

namespace TaxiScan.Tests.Unit;

public class FirstFieldMatcherTests
{
    private readonly FirstFieldMatcher _matcher = new(new IdSet(["11865", "2"], Encoding.UTF8), (byte)',');

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
        Assert.Equal(Enum.Parse<RowVerdict>(expected), _matcher.Classify(Encoding.UTF8.GetBytes(row)));
    }

    [Fact]
    public void A_matching_row_with_a_NUL_byte_is_malformed_not_printed()
    {
        byte[] row = [.. "11865,abc"u8, 0, .. "def"u8];

        Assert.Equal(RowVerdict.Malformed, _matcher.Classify(row));
        Assert.Contains("NUL", _matcher.ExplainMalformed(row), StringComparison.Ordinal);
    }

    [Fact]
    public void GB2312_bytes_after_the_id_do_not_disturb_the_match()
    {
        var gb2312 = CodePagesEncoding();
        var row = gb2312.GetBytes("11865,2015-02-01 00:00:10,114.1,22.5,0,35,1,粤B12345");

        Assert.Equal(RowVerdict.Match, _matcher.Classify(row));
    }

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936);
    }
}
