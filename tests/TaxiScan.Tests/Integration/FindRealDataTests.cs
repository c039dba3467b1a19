using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>The real binary on real and generated data: exact rows, exact bytes, for several worker counts.</summary>
public class FindRealDataTests
{
    private static string TDrive => Path.Combine(RepoPaths.RealData, "tdrive_beijing");

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("6")]
    public void TDrive_ids_1_and_2_give_all_2262_rows_byte_for_byte(string workers)
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "1", "--id", "2", "--workers", workers, TDrive);

        byte[] expected = [.. File.ReadAllBytes(Path.Combine(TDrive, "1.txt")), .. File.ReadAllBytes(Path.Combine(TDrive, "2.txt"))];
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2262, result.StdoutLines.Length);
        Assert.Equal(expected, result.Stdout);
    }

    [Theory]
    [InlineData("1", 588)]
    [InlineData("2", 1674)]
    public void TDrive_single_ids_give_the_documented_counts(string id, int rows)
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", id, TDrive);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(rows, result.StdoutLines.Length);
        Assert.All(result.StdoutLines, line => Assert.StartsWith(id + ",", line, StringComparison.Ordinal));
    }

    [Fact]
    public void TDrive_id_12_is_a_substring_trap_with_no_rows_and_exit_1()
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "12", "--workers", "2", TDrive);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("6")]
    public void Generated_GB2312_set_with_traps_equals_expected_rows_byte_for_byte(string workers)
    {
        var set = GeneratedSet.Get("--files 12 --size 12M --encoding gb2312 --taxis 500 --seed 11");

        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", set.Target, "--workers", workers, set.CsvDirectory);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(set.CountExact, result.Stdout.Count(b => b == (byte)'\n'));
        Assert.Equal(set.ExpectedRows, result.Stdout);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("6")]
    public void The_bundled_samples_give_the_recorded_rows(string workers)
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "11865", "--workers", workers, "samples/");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "shenzhen_gb2312.expected_rows.csv")), result.Stdout);
    }

    [Fact]
    public void A_last_line_without_a_terminator_gets_a_newline_and_CRLF_rows_keep_theirs()
    {
        using var dir = new TempDir();
        dir.Create("a.csv", "7,crlf\r\n8,x\r\n");
        dir.Create("b.csv", "8,y\n7,no-newline");

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "7", "--workers", "2", ".");

        Assert.Equal("7,crlf\r\n7,no-newline\n", result.StdoutText);
    }

    [Fact]
    public void A_hundred_thousand_files_do_not_travel_on_the_command_line()
    {
        using var dir = new TempDir();
        for (var i = 0; i < 100_000; i++)
        {
            File.WriteAllText(dir.Combine($"{i / 1000:D3}-{i % 1000:D3}.csv"), i % 10_000 == 0 ? $"5,{i}\n6,x\n" : "6,x\n");
        }

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "5", "--workers", "2", ".");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"5,{i * 10_000}"), result.StdoutLines);
    }
}
