using TaxiScan.Cli.Options;

namespace TaxiScan.Tests.Unit.Cli.Options;

public class WorkersOptionTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("6")]
    [InlineData("64")]
    public void A_whole_number_from_1_to_64_is_accepted(string text) => Assert.Null(WorkersOption.Check(text));

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("many")]
    [InlineData("2.5")]
    public void Anything_else_is_refused_with_the_range_and_the_value(string text) =>
        Assert.Equal($"--workers must be a whole number from 1 to 64, not '{text}'", WorkersOption.Check(text));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(8, 8)]
    [InlineData(200, 64)]
    public void The_default_is_the_processor_count_within_the_range(int processors, int workers) =>
        Assert.Equal(workers, WorkersOption.Default(processors));
}
