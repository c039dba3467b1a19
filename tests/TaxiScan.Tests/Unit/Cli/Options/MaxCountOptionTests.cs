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
}
