using TaxiScan.Cli.Options;
using TaxiScan.Model;

namespace TaxiScan.Tests.Unit.Cli.Options;

public class DelimiterOptionTests
{
    [Theory]
    [InlineData(",", ',')]
    [InlineData(";", ';')]
    [InlineData("tab", '\t')]
    [InlineData("TAB", '\t')]
    [InlineData("\\t", '\t')]
    [InlineData("comma", ',')]
    [InlineData("semicolon", ';')]
    [InlineData("pipe", '|')]
    [InlineData("|", '|')]
    public void A_character_or_its_name_parses_to_that_byte(string text, char delimiter)
    {
        Assert.Equal(DelimiterChoice.Of((byte)delimiter), DelimiterOption.Parse(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("space")]
    [InlineData(" ")]
    public void Space_means_runs_of_blanks(string text)
    {
        Assert.Equal(DelimiterChoice.SpaceRuns, DelimiterOption.Parse(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData(";;")]
    [InlineData("\"")]
    [InlineData("\n")]
    [InlineData("é")]
    [InlineData("")]
    public void Anything_else_is_refused_with_the_value_named(string text)
    {
        Assert.Equal(DelimiterChoice.Auto, DelimiterOption.Parse(text, out var error));
        Assert.Equal($"--delimiter must be one ASCII character (not a quote or a line break), 'tab' or 'space', not '{text}'", error);
    }
}
