using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary><c>--output FILE</c>: written whole on success, never half-written or clobbered on failure.</summary>
public class OutputFileTests
{
    private static string TDrive => Path.Combine(RepoPaths.RealData, "tdrive_beijing");

    [Fact]
    public void The_output_file_holds_exactly_the_rows_and_stdout_stays_empty()
    {
        using var dir = new TempDir();
        var output = dir.Combine("rows.csv");

        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "1", "-o", output, TDrive);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(File.ReadAllBytes(Path.Combine(TDrive, "1.txt")), File.ReadAllBytes(output));
        Assert.Equal(["rows.csv"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void An_output_in_a_missing_directory_is_an_error_before_scanning()
    {
        using var dir = new TempDir();

        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "1", "-o", dir.Combine("missing", "rows.csv"), TDrive);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot create the output file", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("missing")));
    }

    [Fact]
    public void An_output_that_is_also_an_input_is_refused_and_left_untouched()
    {
        using var dir = new TempDir();
        var input = dir.Create("a.csv", "1,a\n");

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "1", "-o", "a.csv", "a.csv");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("1,a\n", File.ReadAllText(input));
    }
}
