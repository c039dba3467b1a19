using System.Diagnostics;
using System.Text;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>Cases a review found with formats and shells the first tests did not cover; each failed before its fix.</summary>
public class ReviewFindingsTests
{
    [Fact]
    public void Rows_land_at_the_shared_offset_of_a_stdout_file_that_other_commands_also_write()
    {
        using var dir = new TempDir();
        dir.Create("s.csv", "1,a\n2,b\n3,c\n");
        var script = $"{{ echo AAAA; for i in 1 2 3; do '{RepoPaths.TaxiScanBinary}' find --progress never --id $i s.csv 2>/dev/null; done; echo BBBB; }} > out.txt";

        Assert.Equal(0, Shell(dir.Path, script));
        Assert.Equal("AAAA\n1,a\n2,b\n3,c\nBBBB\n", File.ReadAllText(dir.Combine("out.txt")));
    }

    [Fact]
    public void Dev_stdin_and_a_process_substitution_are_read_not_skipped_or_hung()
    {
        using var dir = new TempDir();
        dir.Create("s.csv", "1,a\n2,b\n");
        var binary = RepoPaths.TaxiScanBinary;
        var script = $"'{binary}' find --id 1 /dev/stdin < s.csv > a.txt 2>/dev/null; echo $? >> a.txt; '{binary}' find --id 2 <(cat s.csv) > b.txt 2>/dev/null; echo $? >> b.txt";

        Assert.Equal(0, Shell(dir.Path, script, shell: "bash"));
        Assert.Equal("1,a\n0\n", File.ReadAllText(dir.Combine("a.txt")));
        Assert.Equal("2,b\n0\n", File.ReadAllText(dir.Combine("b.txt")));
    }

    [Fact]
    public void A_file_reached_through_a_symlink_is_read_once()
    {
        using var dir = new TempDir();
        var target = dir.Create("data/2015-02-01.csv", "1,a\n2,b\n");
        File.CreateSymbolicLink(dir.Combine("data", "latest.csv"), target);

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "1", "data", Path.Combine("data", "latest.csv"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("1,a\n", result.StdoutText);
    }

    [Fact]
    public void An_empty_file_with_a_column_name_has_no_rows_and_is_no_error()
    {
        using var dir = new TempDir();
        dir.Create("empty.csv", "");

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "1", "-c", "TAXI_ID", "empty.csv");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("utf16.csv", "UTF-16")]
    [InlineData("mac.csv", "CR only")]
    public void Text_that_cannot_be_searched_as_it_is_is_an_error_naming_the_file_and_why(string file, string reason)
    {
        using var dir = new TempDir();
        dir.Create("utf16.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("id\ttime\n1\tt\n")).ToArray());
        dir.Create("mac.csv", "1,t,1.1\r2,t,2.2\r1,t,3.3\r");

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "1", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Contains($"taxiscan: {file}: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(reason, result.Stderr, StringComparison.Ordinal);
    }

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

    private static int Shell(string directory, string script, string shell = "sh")
    {
        var start = new ProcessStartInfo(shell) { WorkingDirectory = directory, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        process.WaitForExit(TimeSpan.FromSeconds(60));
        return process.ExitCode;
    }
}
