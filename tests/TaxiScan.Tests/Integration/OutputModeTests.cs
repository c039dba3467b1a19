using System.Globalization;
using System.Text;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// Issue 6, part 1: grep's output modes (--count, --total, -l, -q, --max-count, -H, -n, --null) on the
/// real binary. The expected counts come from gen.py's own per-file record, not from taxiscan; the set
/// has one file much larger than the rest, so at 3 and 7 workers it is cut into byte ranges.
/// </summary>
public class OutputModeTests
{
    private static GeneratedSet Set => GeneratedSet.Get("--files 8 --size 40M --skew huge:0.5 --target-share 0.0005 --encoding gb2312 --seed 17");

    public static TheoryData<int> WorkerCounts => [1, 3, 7];

    [Theory]
    [MemberData(nameof(WorkerCounts))]
    public void Count_prints_path_colon_count_for_each_file_with_matches_as_gen_py_counted_them(int workers)
    {
        var set = Set;
        var expected = string.Concat(set.PerFile.Where(file => file.CountExact > 0).Select(file => $"{Path.Join(set.CsvDirectory, file.File)}:{file.CountExact}\n"));

        var result = Run(set, workers, "--count");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, result.StdoutText);
        Assert.Contains(set.PerFile, file => file.CountExact == 0); // files without matches are left out, as rg -c does
    }

    [Theory]
    [MemberData(nameof(WorkerCounts))]
    public void Count_with_numeric_ids_counts_zero_padded_ids_too(int workers)
    {
        var set = Set;
        var expected = string.Concat(set.PerFile.Where(file => file.CountNumeric > 0).Select(file => $"{Path.Join(set.CsvDirectory, file.File)}:{file.CountNumeric}\n"));

        var result = Run(set, workers, "-C", "--numeric");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, result.StdoutText);
    }

    [Theory]
    [MemberData(nameof(WorkerCounts))]
    public void Total_prints_one_number_the_count_of_every_matching_row(int workers)
    {
        var set = Set;

        var result = Run(set, workers, "--total");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{set.CountExact}\n", result.StdoutText);
    }

    [Theory]
    [MemberData(nameof(WorkerCounts))]
    public void Files_with_matches_lists_each_file_once_in_order_and_with_null_ends_each_with_a_NUL(int workers)
    {
        var set = Set;
        var files = set.PerFile.Where(file => file.CountExact > 0).Select(file => Path.Join(set.CsvDirectory, file.File)).ToList();

        var lines = Run(set, workers, "-l");
        var nulls = Run(set, workers, "-l", "--null");

        Assert.True(lines.ExitCode == 0, lines.ToString());
        Assert.Equal(string.Concat(files.Select(file => file + "\n")), lines.StdoutText);
        Assert.Equal(string.Concat(files.Select(file => file + "\0")), nulls.StdoutText);
    }

    [Theory]
    [MemberData(nameof(WorkerCounts))]
    public void Max_count_prints_the_first_n_rows_of_each_file(int workers)
    {
        var set = Set;
        var rows = Lines(set.ExpectedRows);
        Assert.Equal(set.CountExact, rows.Count);
        var expected = new StringBuilder();
        var at = 0;
        foreach (var file in set.PerFile)
        {
            expected.Append(string.Concat(rows.Skip(at).Take(Math.Min(3, file.CountExact))));
            at += file.CountExact;
        }

        var result = Run(set, workers, "--max-count", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected.ToString(), Encoding.Latin1.GetString(result.Stdout));
    }

    [Theory]
    [MemberData(nameof(WorkerCounts))]
    public void Count_with_max_count_caps_each_file_even_when_the_file_is_cut_among_workers(int workers)
    {
        var set = Set;
        var expected = string.Concat(set.PerFile.Where(file => file.CountExact > 0)
            .Select(file => $"{Path.Join(set.CsvDirectory, file.File)}:{Math.Min(file.CountExact, 20)}\n"));

        var result = Run(set, workers, "-C", "-m", "20");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, result.StdoutText);
        Assert.Contains(set.PerFile, file => file.CountExact > 20);
    }

    [Theory]
    [MemberData(nameof(WorkerCounts))]
    public void Line_numbers_and_paths_in_front_of_each_row_point_at_that_very_line_of_that_file(int workers)
    {
        // Independent of taxiscan's counting: each printed line number is looked up in the file itself.
        var set = Set;
        var result = Run(set, workers, "-H", "-n");

        Assert.True(result.ExitCode == 0, result.ToString());
        var printed = Lines(result.Stdout);
        Assert.Equal(set.CountExact, printed.Count);
        var files = new Dictionary<string, string[]>();
        foreach (var row in printed)
        {
            var parts = row.Split(',', 3);
            var lines = files.TryGetValue(parts[0], out var cached) ? cached : files[parts[0]] = File.ReadAllText(parts[0], Encoding.Latin1).Split('\n');
            Assert.Equal(lines[int.Parse(parts[1], CultureInfo.InvariantCulture) - 1] + "\n", parts[2]);
        }

        Assert.Equal(string.Concat(Lines(set.ExpectedRows)), string.Concat(printed.Select(row => row.Split(',', 3)[2])));
    }

    [Fact]
    public void With_filename_quotes_a_path_holding_the_delimiter_and_the_header_names_the_new_fields()
    {
        using var dir = new TempDir();
        dir.Create("a,\"b\".csv", "id,speed\n7,1\n8,2\n7,3\n");
        dir.Create("semi.csv", "id;speed\n7;4\n");

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "7", "-H", "-n", "--workers", "2", "a,\"b\".csv", "semi.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("file,line,id,speed\n\"a,\"\"b\"\".csv\",2,7,1\n\"a,\"\"b\"\".csv\",4,7,3\nsemi.csv;2;7;4\n", result.StdoutText);
    }

    [Fact]
    public void Line_numbers_count_every_line_including_quoted_line_breaks_before_the_row()
    {
        using var dir = new TempDir();
        dir.Create("q.csv", "id,note\n1,\"two\nlines\"\n7,x\n\n7,\"y\nz\"\n");

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "7", "-n", "q.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("line,id,note\n4,7,x\n6,7,\"y\nz\"\n", result.StdoutText);
    }

    [Theory]
    [InlineData("11865", 0, "yes\n")]
    [InlineData("99999999", 1, "")]
    public void Quiet_prints_nothing_and_answers_with_its_exit_status_alone(string id, int exitCode, string shellOutput)
    {
        // The acceptance: `taxiscan find -q --id ... && echo yes` prints yes only when the id is there.
        var set = Set;
        var result = TaxiScanRun.RunProgram(RepoPaths.Root, TaxiScanRun.WithOnPath(TaxiScanRun.BinaryDirectory), TaxiScanRun.DefaultTimeout,
            "sh", "-c", $"taxiscan find -q --workers 3 --id {id} '{set.CsvDirectory}' && echo yes; exit 0");
        var direct = TaxiScanRun.Run(RepoPaths.Root, "find", "-q", "--workers", "3", "--id", id, set.CsvDirectory);

        Assert.Equal(shellOutput, result.StdoutText);
        Assert.True(direct.ExitCode == exitCode, direct.ToString());
        Assert.Empty(direct.Stdout);
        Assert.Equal("", direct.Stderr);
    }

    [Fact]
    public void Quiet_stops_the_workers_at_the_first_match_rather_than_reading_every_file()
    {
        using var dir = new TempDir();
        for (var file = 0; file < 40; file++)
        {
            dir.Create($"{file:D2}.csv", (file == 0 ? "7,first\n" : "") + string.Concat(Enumerable.Repeat("8,a row that does not match\n", 50_000)));
        }

        var log = dir.Combine("run.log");
        var result = TaxiScanRun.Run(dir.Path, "find", "-q", "--id", "7", "--workers", "2", "--log-file", log, ".");

        Assert.True(result.ExitCode == 0, result.ToString());
        var scanned = File.ReadAllLines(log).Count(line => line.Contains("\"Scanned {File:l}", StringComparison.Ordinal));
        Assert.True(scanned < 40, $"{scanned} of 40 files were read although the first row of the first file matched");
    }

    [Theory]
    [InlineData("--count --files-with-matches", "--count and --files-with-matches are different outputs; choose one")]
    [InlineData("-q --total", "--total and --quiet are different outputs; choose one")]
    [InlineData("-C -n", "--line-number adds fields to rows, and --count prints no rows")]
    [InlineData("-l -H", "--with-filename adds fields to rows, and --files-with-matches prints no rows")]
    [InlineData("--null", "--null separates the paths of --files-with-matches or --count; use it with one of them")]
    [InlineData("-q -o rows.csv", "--quiet prints nothing, so --output would stay empty; drop one of them")]
    [InlineData("-m 0", "--max-count must be at least 1")]
    public void Contradictory_output_options_are_one_line_errors_with_exit_2(string options, string message)
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, ["find", "--id", "1", .. options.Split(' '), "samples"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal($"taxiscan: {message} (see 'taxiscan find --help')\n", result.Stderr);
    }

    private static TaxiScanResult Run(GeneratedSet set, int workers, params string[] options) =>
        TaxiScanRun.Run(RepoPaths.Root, ["find", "--id", set.Target, "--encoding", "gb2312", "--workers", workers.ToString(CultureInfo.InvariantCulture), .. options, set.CsvDirectory]);

    // The lines of a byte string, each with its \n; Latin-1 keeps every byte as one char.
    private static List<string> Lines(byte[] bytes) =>
        [.. Encoding.Latin1.GetString(bytes).Split('\n').SkipLast(1).Select(line => line + "\n")];
}
