using TaxiScan.Cli.Options;
using TaxiScan.Model;

namespace TaxiScan.Tests.Unit.Cli.Options;

public class ColumnOptionTests
{
    [Theory]
    [InlineData("1", 1, null)]
    [InlineData("12", 12, null)]
    [InlineData("TAXI_ID", 0, "TAXI_ID")]
    [InlineData("车牌", 0, "车牌")]
    public void A_number_or_a_name_parses_to_that_column(string text, int index, string? name)
    {
        Assert.Equal(new ColumnChoice(index, name), ColumnOption.Parse(text, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void Zero_is_refused_because_columns_start_at_1()
    {
        Assert.Equal(ColumnChoice.First, ColumnOption.Parse("0", out var error));
        Assert.Equal("--column numbers start at 1, not '0'", error);
    }

    [Fact]
    public void A_number_too_large_for_an_int_is_refused_the_same_way()
    {
        _ = ColumnOption.Parse("99999999999", out var error);
        Assert.Equal("--column numbers start at 1, not '99999999999'", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_value_is_refused(string text)
    {
        _ = ColumnOption.Parse(text, out var error);
        Assert.Equal("--column needs a number or a header name", error);
    }
}
