using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// What scripts rely on: exit codes, a clean stdout, one-line errors, help and version, and the shell's own ways
/// of handing taxiscan its files (a stdout file other commands write too, /dev/stdin, a process substitution).
/// </summary>
public class CliContractTests
{
    private static string TDrive => Path.Combine(RepoPaths.RealData, "tdrive_beijing");

    [Theory]
    [InlineData("--workers", "0")]
    [InlineData("--workers", "65")]
    [InlineData("--wokers", "3")]
    [InlineData("--progress", "sometimes")]
    public void A_bad_argument_is_one_line_on_stderr_nothing_on_stdout_and_exit_2(string option, string value)
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "1", option, value, TDrive);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("taxiscan: ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("taxiscan: --max-count must be a whole number of at least 1, not 'abc' (see 'taxiscan find --help')\n", "-m", "abc")]
    [InlineData("taxiscan: --shards must be a whole number from 1 to 100000, not 'x' (see 'taxiscan find --help')\n", "--slurm", "-o", "rows.csv", "--shards", "x")]
    [InlineData("taxiscan: --output needs a file name, not an empty string (see 'taxiscan find --help')\n", "-o", "")]
    [InlineData("taxiscan: --stats needs a file name, not an empty string (see 'taxiscan find --help')\n", "--stats", "")]
    [InlineData("taxiscan: --log-file needs a file name, not an empty string (see 'taxiscan find --help')\n", "--log-file", "")]
    public void A_value_that_is_no_number_or_an_empty_file_name_is_a_one_line_parse_error_and_exit_2_not_a_crash(string expected, params string[] options)
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, ["find", "--id", "1", .. options, TDrive]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Equal(expected, result.Stderr);
    }

    [Fact]
    public void An_empty_merge_output_is_a_one_line_parse_error()
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "merge", "", "part-0.csv");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("taxiscan: merge OUTPUT needs a file name, not an empty string (see 'taxiscan merge --help')\n", result.Stderr);
    }

    [Fact]
    public void A_missing_id_is_a_bad_argument()
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "find", TDrive);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void A_missing_input_is_an_error_naming_it_and_the_other_inputs_are_still_scanned()
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "1", "no/such/dir", TDrive);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(588, result.StdoutLines.Length);
        Assert.Contains("taxiscan: no/such/dir: No such file or directory\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Stdout_holds_only_data_and_no_escape_byte_when_piped_and_the_summary_is_on_stderr()
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "2", "--workers", "2", "--progress", "always", TDrive);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain((byte)0x1b, result.Stdout);
        Assert.DoesNotContain('\u001b', result.Stderr);
        Assert.All(result.StdoutLines, line => Assert.StartsWith("2,", line, StringComparison.Ordinal));
        Assert.Matches(@"^taxiscan: 2 files, 0\.1 MB, 2,262 rows read, 1,674 matched, 0 malformed, 0 errors in [0-9.]+ s \([0-9.]+ MB/s\)\n$", result.Stderr);
    }

    [Fact]
    public void Help_shows_examples_and_exit_codes_on_stdout_and_exits_0()
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Examples:", result.StdoutText, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", result.StdoutText, StringComparison.Ordinal);
        Assert.Contains("--workers", result.StdoutText, StringComparison.Ordinal);
        Assert.DoesNotContain("__worker", result.StdoutText, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.StdoutText);
    }

    [Fact]
    public void Malformed_rows_are_reported_as_file_and_line_and_do_not_change_the_exit_code()
    {
        using var dir = new TempDir();
        dir.Create("a.csv", "1,a\nnot a row\n1,b\n");

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "1", "a.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("1,a\n1,b\n", result.StdoutText);
        Assert.Contains("taxiscan: a.csv:2: no ',' delimiter: a row needs at least 2 fields\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 malformed", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_log_file_holds_compact_json_from_the_coordinator_and_every_worker()
    {
        using var dir = new TempDir();
        var log = dir.Combine("run.log");

        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "1", "--workers", "2", "--log-file", log, TDrive);

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(log);
        Assert.All(lines, line => Assert.StartsWith("{\"@t\":", line, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("\"Worker\":0", StringComparison.Ordinal) && line.Contains("1.txt", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("\"Worker\":1", StringComparison.Ordinal) && line.Contains("2.txt", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("\"Process\":\"coordinator\"", StringComparison.Ordinal));
    }

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

    private static int Shell(string directory, string script, string shell = "sh") =>
        TaxiScanRun.RunProgram(directory, new Dictionary<string, string?>(), TimeSpan.FromSeconds(60), shell, "-c", script).ExitCode;
}
