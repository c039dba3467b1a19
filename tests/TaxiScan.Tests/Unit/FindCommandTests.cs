using TaxiScan.Cli;

namespace TaxiScan.Tests.Unit;

public class FindCommandTests
{
    private readonly TaxiScanCommand _root = new();

    [Fact]
    public void Ids_from_repeats_and_comma_lists_are_merged_in_order_without_duplicates()
    {
        var result = _root.Parse(["find", "--id", "1,2", "--id", "3", "-i", "2", "data"]);

        Assert.Empty(result.Errors);
        Assert.Equal(["1", "2", "3"], _root.Find.ToScanOptions(result).Match.Ids);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("many")]
    public void Workers_outside_1_to_64_are_a_parse_error(string workers)
    {
        var result = _root.Parse(["find", "--id", "1", "--workers", workers, "data"]);

        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void Workers_default_to_the_processor_count()
    {
        var result = _root.Parse(["find", "--id", "1", "data"]);

        Assert.Equal(Math.Min(Environment.ProcessorCount, 64), _root.Find.ToScanOptions(result).Workers);
    }

    [Fact]
    public void A_misspelled_option_is_reported_as_unknown_not_as_a_missing_file()
    {
        var result = _root.Parse(["find", "--id", "1", "--wokers", "3", "data"]);

        Assert.Contains(result.Errors, e => e.Message == "unknown option '--wokers'");
    }
}
