using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// Issue 13's same-file rule, on the real binary: <c>-o</c>, <c>--stats</c>, <c>--log-file</c> and
/// <c>merge</c>'s OUTPUT that name an input (named, listed by <c>--files-from</c>, or an existing file a
/// walked directory would read), or each other, are one line on stderr and exit 2 before anything is
/// scanned or written; every file in the run's directory keeps its bytes, and none is added. A new output
/// inside a scanned directory is allowed and never read.
/// </summary>
public class SameFileTests
{
    private static string TDrive => Path.Combine(RepoPaths.RealData, "tdrive_beijing");

    /// <summary>How the inputs reach the run: the directory walked, the file named, or the file listed.</summary>
    public enum Reach
    {
        Walk,
        Named,
        Listed,
    }

    public static TheoryData<string, string, Reach> DataLossCases => new()
    {
        // The four bullets of issue 13's "Why", each by every way an input is reached.
        { "--id 2 -o r1/1.txt", "r1/1.txt: the output file is also an input", Reach.Walk },
        { "--id 2 -o r1/1.txt", "r1/1.txt: the output file is also an input", Reach.Named },
        { "--id 2 -o r1/1.txt", "r1/1.txt: the output file is also an input", Reach.Listed },
        { "--id 1 --stats r1/1.txt", "--stats r1/1.txt: is also an input", Reach.Walk },
        { "--id 1 --stats r1/1.txt", "--stats r1/1.txt: is also an input", Reach.Named },
        { "--id 1 --stats r1/1.txt", "--stats r1/1.txt: is also an input", Reach.Listed },
        { "--id 1 --log-file r1/1.txt", "--log-file r1/1.txt: is also an input", Reach.Walk },
        { "--id 1 --log-file r1/1.txt", "--log-file r1/1.txt: is also an input", Reach.Named },
        { "--id 1 --log-file r1/1.txt", "--log-file r1/1.txt: is also an input", Reach.Listed },
        { "--id 1 -o r1/2.txt --log-file r1/2.txt", "--log-file r1/2.txt: is also the --output file", Reach.Walk },
        { "--id 1 -o rows.csv --log-file ./rows.csv", "--log-file ./rows.csv: is also the --output file", Reach.Named },
        { "--id 1 -o rows.csv --stats r1/../rows.csv", "--stats r1/../rows.csv: is also the --output file", Reach.Named },
        { "--id 1 --stats run.json --log-file run.json", "--log-file run.json: is also the --stats file", Reach.Listed },
    };

    [Theory]
    [MemberData(nameof(DataLossCases))]
    public void An_output_that_names_an_input_or_another_output_is_one_line_exit_2_and_nothing_changes(string options, string message, Reach reach)
    {
        using var dir = CopyOfTDrive();
        string[] inputs = reach switch
        {
            Reach.Walk => ["r1/"],
            Reach.Named => ["r1/1.txt", "r1/2.txt"],
            _ => ["--files-from", "list.txt"],
        };
        var before = Snapshot(dir);

        var result = TaxiScanRun.Run(dir.Path, ["find", .. options.Split(' '), "--workers", "2", .. inputs]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Stdout);
        var line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n')); // no summary: nothing was scanned
        Assert.StartsWith($"taxiscan: {message}", line, StringComparison.Ordinal);
        AssertUnchanged(before, dir);
    }

    [Theory]
    [InlineData("-o")]
    [InlineData("--stats")]
    [InlineData("--log-file")]
    public void An_output_that_names_a_directory_is_refused_before_anything_is_scanned(string option)
    {
        using var dir = CopyOfTDrive();
        Directory.CreateDirectory(dir.Combine("out"));
        var before = Snapshot(dir);

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "1", option, "out", "r1/");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Equal($"taxiscan: {option} out: is a directory; name the file to write\n", result.Stderr);
        AssertUnchanged(before, dir);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Combine("out")));
    }

    [Fact]
    public void The_issues_first_case_a_data_file_as_output_of_its_own_directory_is_refused_and_keeps_its_rows()
    {
        using var dir = new TempDir();
        dir.Create("d/taxi7.csv", "7,2015-02-01 00:00:01,114.1,22.5\n8,2015-02-01 00:00:02,114.2,22.6\n");
        var before = Snapshot(dir);

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "7", "-o", "d/taxi7.csv", "d/");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("taxiscan: d/taxi7.csv: the output file is also an input (the directory walk reads d/taxi7.csv); refusing to overwrite it: " +
                     "write it elsewhere, or leave it out with --glob '!taxi7.csv' next to a --glob for the files to read\n", result.Stderr);
        AssertUnchanged(before, dir);
    }

    [Fact]
    public void An_output_reached_through_a_hard_link_in_a_walked_directory_is_refused()
    {
        using var dir = CopyOfTDrive();
        Link(dir.Combine("r1", "1.txt"), dir.Combine("rows.csv"));
        var before = Snapshot(dir);

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "2", "-o", "rows.csv", "--glob", "*.txt", "r1");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("taxiscan: rows.csv: the output file is also an input (the directory walk reads r1/1.txt); refusing to overwrite it: " +
                     "write it elsewhere, or leave it out with --glob '!1.txt'\n", result.Stderr);
        AssertUnchanged(before, dir);
    }

    [Fact]
    public void The_suggested_glob_leaves_the_old_output_out_and_the_run_goes_through()
    {
        using var dir = CopyOfTDrive();
        File.WriteAllBytes(dir.Combine("r1", "rows.txt"), File.ReadAllBytes(Path.Combine(TDrive, "2.txt")));

        var refused = TaxiScanRun.Run(dir.Path, "find", "--id", "2", "-o", "r1/rows.txt", "r1");
        var excluded = TaxiScanRun.Run(dir.Path, "find", "--id", "2", "-o", "r1/rows.txt", "--glob", "!rows.txt", "--glob", "*.txt", "r1");

        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("--glob '!rows.txt' next to a --glob for the files to read", refused.Stderr, StringComparison.Ordinal);
        Assert.True(excluded.ExitCode == 0, excluded.ToString());
        BytesAssert.Equal(File.ReadAllBytes(Path.Combine(TDrive, "2.txt")), File.ReadAllBytes(dir.Combine("r1", "rows.txt")), "taxi 2's rows, read once");
    }

    [Fact]
    public void New_outputs_inside_a_scanned_directory_are_allowed_and_never_read()
    {
        // rows.csv and run.log.txt are data names: a walk that read them would add rows or fail on JSON lines.
        using var dir = CopyOfTDrive();

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "1", "--workers", "2", "-o", "r1/rows.csv", "--log-file", "r1/run.log.txt", "--stats", "r1/run.json", "r1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Stdout);
        BytesAssert.Equal(File.ReadAllBytes(Path.Combine(TDrive, "1.txt")), File.ReadAllBytes(dir.Combine("r1", "rows.csv")), "taxi 1's rows");
        Assert.Contains("\"files\": 2,", File.ReadAllText(dir.Combine("r1", "run.json")), StringComparison.Ordinal);
        Assert.NotEmpty(File.ReadAllText(dir.Combine("r1", "run.log.txt")));
    }

    [Theory]
    [InlineData("part-0.csv", "part-0.csv is also a part")]
    [InlineData("./part-1.csv", "./part-1.csv is also a part")]
    [InlineData("part-0.csv.manifest.json", "part-0.csv.manifest.json is the manifest of the part part-0.csv")]
    [InlineData("hard.csv", "hard.csv is also a part")]
    public void A_merge_output_naming_a_part_or_its_manifest_is_refused_and_the_parts_kept(string output, string message)
    {
        using var dir = CopyOfTDrive();
        for (var shard = 0; shard < 2; shard++)
        {
            var part = TaxiScanRun.Run(dir.Path, "find", "--id", "1,2", "--shard", $"{shard}/2", "-o", "part-{shard}.csv", "r1");
            Assert.True(part.ExitCode == 0, part.ToString());
        }

        Link(dir.Combine("part-1.csv"), dir.Combine("hard.csv"));
        var before = Snapshot(dir);

        var result = TaxiScanRun.Run(dir.Path, "merge", output, "part-0.csv", "part-1.csv");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"taxiscan: merge: {message}; refusing to overwrite it\n", result.Stderr);
        AssertUnchanged(before, dir);
    }

    // r1/ holds writable copies of tdrive_beijing's 1.txt (taxi 1, 588 rows) and 2.txt; list.txt lists both.
    private static TempDir CopyOfTDrive()
    {
        var dir = new TempDir();
        foreach (var name in new[] { "1.txt", "2.txt" })
        {
            dir.Create(Path.Combine("r1", name), File.ReadAllBytes(Path.Combine(TDrive, name)));
        }

        dir.Create("list.txt", "r1/1.txt\nr1/2.txt\n");
        return dir;
    }

    private static Dictionary<string, byte[]> Snapshot(TempDir dir) =>
        Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).ToDictionary(path => Path.GetRelativePath(dir.Path, path), File.ReadAllBytes);

    private static void AssertUnchanged(Dictionary<string, byte[]> before, TempDir dir)
    {
        var after = Snapshot(dir);
        Assert.Equal(before.Keys.Order(), after.Keys.Order()); // no file made, none removed
        foreach (var (path, bytes) in before)
        {
            BytesAssert.Equal(bytes, after[path], path);
        }
    }

    private static void Link(string existing, string link)
    {
        using var ln = System.Diagnostics.Process.Start("ln", [existing, link]);
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
    }
}
