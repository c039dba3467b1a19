using TaxiScan.Cli.Options;
using TaxiScan.Model;

namespace TaxiScan.Tests.Unit.Cli.Options;

public class RetriesOptionTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    public void A_whole_number_in_range_is_accepted(string text) => Assert.Null(RetriesOption.Check(text));

    [Fact]
    public void The_maximum_is_accepted() => Assert.Null(RetriesOption.Check($"{ScanOptions.MaxRetries}"));

    [Theory]
    [InlineData("-1")]
    [InlineData("x")]
    public void Anything_else_is_refused_with_the_range_and_the_value(string text) =>
        Assert.Equal($"--retries must be a whole number from 0 to {ScanOptions.MaxRetries}, not '{text}'", RetriesOption.Check(text));

    [Fact]
    public void One_more_than_the_maximum_is_refused() => Assert.NotNull(RetriesOption.Check($"{ScanOptions.MaxRetries + 1}"));
}
