using TaxiScan.Cli.Options;
using TaxiScan.Model;

namespace TaxiScan.Tests.Unit.Cli.Options;

public class ProgressOptionTests
{
    [Theory]
    [InlineData("auto", nameof(ProgressMode.Auto))]
    [InlineData("always", nameof(ProgressMode.Always))]
    [InlineData("NEVER", nameof(ProgressMode.Never))]
    public void The_three_words_parse_in_any_case(string text, string mode)
    {
        Assert.Equal(mode, ProgressOption.Parse(text, out var error).ToString());
        Assert.Null(error);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("sometimes")]
    [InlineData("")]
    public void Numbers_and_other_words_are_refused(string text)
    {
        Assert.Equal(ProgressMode.Auto, ProgressOption.Parse(text, out var error));
        Assert.Equal($"--progress must be auto, always or never, not '{text}'", error);
    }
}
