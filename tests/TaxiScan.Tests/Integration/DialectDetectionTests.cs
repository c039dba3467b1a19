using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// The dialect (delimiter, quoting) detected from the data on the real binary, where a count of characters
/// could mislead: the rows found are those a reader of the file would call rows of that id.
/// </summary>
public class DialectDetectionTests
{
    [Fact]
    public void Commas_inside_quoted_fields_do_not_make_the_comma_the_delimiter()
    {
        using var dir = new TempDir();
        var rows = string.Concat(Enumerable.Range(0, 20).Select(i => $"{i % 3};\"POINT(1,2,3,4,5)\";x\n"));
        dir.Create("geo.csv", rows);

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "1", "geo.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Concat(Enumerable.Range(0, 20).Where(i => i % 3 == 1).Select(_ => "1;\"POINT(1,2,3,4,5)\";x\n")), result.StdoutText);
    }
}
