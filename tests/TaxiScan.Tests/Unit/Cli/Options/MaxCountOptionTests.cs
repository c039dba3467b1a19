using TaxiScan.Cli.Options;

namespace TaxiScan.Tests.Unit.Cli.Options;

public class MaxCountOptionTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(1L)]
    [InlineData(5_000_000_000L)]
    public void No_value_or_at_least_1_is_accepted(long? value) => Assert.Null(MaxCountOption.Check(value));

    [Theory]
    [InlineData(0L)]
    [InlineData(-3L)]
    public void Less_than_1_is_refused(long value) => Assert.Equal("--max-count must be at least 1", MaxCountOption.Check(value));

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    public void A_value_that_is_no_whole_number_is_refused_naming_it(string text) =>
        Assert.Equal($"--max-count must be a whole number of at least 1, not '{text}'", MaxCountOption.Check(text));

    [Theory]
    [InlineData("7", null)]
    [InlineData("0", "--max-count must be at least 1")]
    public void A_number_given_as_text_follows_the_rule_for_numbers(string text, string? expected) => Assert.Equal(expected, MaxCountOption.Check(text));
}
