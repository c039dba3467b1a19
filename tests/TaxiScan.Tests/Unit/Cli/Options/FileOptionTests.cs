using TaxiScan.Cli.Options;

namespace TaxiScan.Tests.Unit.Cli.Options;

public class FileOptionTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void An_empty_file_name_is_refused_naming_the_option(string text) =>
        Assert.Equal("--stats needs a file name, not an empty string", FileOption.Check("--stats", text));

    [Theory]
    [InlineData("rows.csv")]
    [InlineData("-")]
    [InlineData("/dev/null")]
    public void Any_other_name_is_for_the_file_system_to_judge(string text) => Assert.Null(FileOption.Check("-o", text));
}
