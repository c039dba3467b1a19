using TaxiScan.Cli;
using TaxiScan.Model;


namespace TaxiScan.Tests.Unit.Cli;

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

public class FindCommandDialectOptionTests
{
    private readonly TaxiScanCommand _root = new();

    [Theory]
    [InlineData("5", 5, null)]
    [InlineData("TAXI_ID", 0, "TAXI_ID")]
    [InlineData("车牌", 0, "车牌")]
    public void Column_takes_a_1_based_number_or_a_header_name(string value, int index, string? name)
    {
        var result = _root.Parse(["find", "--id", "1", "-c", value, "data"]);

        Assert.Empty(result.Errors);
        Assert.Equal(new ColumnChoice(index, name), _root.Find.ToScanOptions(result).Match.Column);
    }

    [Theory]
    [InlineData(",", false, ',')]
    [InlineData(";", false, ';')]
    [InlineData("tab", false, '\t')]
    [InlineData("|", false, '|')]
    [InlineData("space", true, ' ')]
    [InlineData(" ", true, ' ')]
    public void Delimiter_takes_a_character_tab_or_space(string value, bool blankRuns, char delimiter)
    {
        var kind = blankRuns ? DelimiterKind.SpaceRuns : DelimiterKind.Byte;
        var result = _root.Parse(["find", "--id", "1", "-d", value, "data"]);

        Assert.Empty(result.Errors);
        Assert.Equal(new DelimiterChoice(kind, (byte)delimiter), _root.Find.ToScanOptions(result).Match.Delimiter);
    }

    [Theory]
    [InlineData("-c", "0")]
    [InlineData("-d", ";;")]
    [InlineData("-d", "\"")]
    [InlineData("--encoding", "latin-9")]
    [InlineData("--output-encoding", "gbk")]
    [InlineData("--id-from-path", "new_[a-z]+")]
    [InlineData("--id-from-path", "new_([a-z]+")]
    public void Bad_dialect_values_are_parse_errors(string option, string value)
    {
        var result = _root.Parse(["find", "--id", "1", option, value, "data"]);

        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void Header_and_no_header_together_are_an_error_and_no_ids_at_all_too()
    {
        Assert.NotEmpty(_root.Parse(["find", "--id", "1", "--header", "--no-header", "data"]).Errors);
        Assert.NotEmpty(_root.Parse(["find", "data"]).Errors);
    }

    [Fact]
    public void An_ids_file_adds_to_the_ids_skipping_comments_blank_lines_and_duplicates()
    {
        using var dir = new Support.TempDir();
        var file = dir.Create("ids.txt", "# fleet A\r\n11865\r\n\r\n  2 \r\n1\r\n");
        var result = _root.Parse(["find", "--id", "1", "--ids-file", file, "data"]);

        Assert.Empty(result.Errors);
        Assert.Equal(["1", "11865", "2"], _root.Find.ToScanOptions(result).Match.Ids);
    }

    [Fact]
    public void Numeric_refuses_an_id_that_is_not_an_integer()
    {
        var result = _root.Parse(["find", "--id", "粤B12345", "--numeric", "data"]);

        var error = Assert.Throws<ArgumentException>(() => _root.Find.ToScanOptions(result));
        Assert.Contains("not an integer", error.Message, StringComparison.Ordinal);
    }
}
