using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// <c>--stats FILE|-</c>: the JSON report holds, per file in input order, exactly what a plain run reads and
/// prints (a cut file once, its ranges summed), totals that are the sums, the errors of the run, and it
/// never touches stdout. A path it cannot write is refused before anything is scanned.
/// </summary>
public class StatsReportTests
{
    private static readonly string[] SampleFiles =
    [
        "samples/shenzhen_gb2312/2015-02-01.csv",
        "samples/shenzhen_gb2312/2015-02-02.csv",
        "samples/shenzhen_gb2312/2015-02-03.csv",
        "samples/shenzhen_gb2312/2015-02-04.csv",
        "samples/shenzhen_gb2312/2015-02-05.csv",
        "samples/shenzhen_gb2312/2015-02-06.csv",
        "samples/tdrive_beijing/1.txt",
        "samples/tdrive_beijing/2.txt",
    ];

    [Theory]
    [InlineData("1")]
    [InlineData("6")]
    public void Each_sample_file_has_the_bytes_rows_and_matches_of_a_plain_run_and_the_totals_are_their_sums(string workers)
    {
        using var dir = new TempDir();
        var stats = dir.Combine("run.json");

        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "11865,1", "--workers", workers, "--stats", stats, "samples/");
        var plain = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "11865,1", "--workers", workers, "samples/");

        Assert.True(result.ExitCode == 0, result.ToString());
        BytesAssert.Equal(plain.Stdout, result.Stdout, "stdout with --stats");
        using var report = JsonDocument.Parse(File.ReadAllBytes(stats));
        var root = report.RootElement;
        Assert.Equal(1, root.GetProperty("schema_version").GetInt32());
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(SampleFiles, files.Select(file => file.GetProperty("path").GetString()));
        foreach (var file in files)
        {
            var path = file.GetProperty("path").GetString()!;
            var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, path));
            var alone = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "11865,1", path);
            Assert.Equal("complete", file.GetProperty("status").GetString());
            Assert.Equal(bytes.Length, file.GetProperty("bytes").GetInt64());
            Assert.Equal(Lines(bytes), file.GetProperty("rows").GetInt64());
            Assert.Equal(alone.StdoutLines.Length, file.GetProperty("matches").GetInt64());
            Assert.Equal(0, file.GetProperty("malformed").GetProperty("total").GetInt64());
            Assert.Empty(file.GetProperty("errors").EnumerateArray());
            var dialect = file.GetProperty("dialect");
            Assert.Equal(",", dialect.GetProperty("delimiter").GetString());
            Assert.False(dialect.GetProperty("quoted").GetBoolean());
            Assert.False(dialect.GetProperty("header").GetBoolean());
            Assert.Equal(1, dialect.GetProperty("id_column").GetInt32());
            Assert.Equal(path.Contains("tdrive", StringComparison.Ordinal) ? 4 : 8, dialect.GetProperty("fields").GetInt32());
        }

        var totals = root.GetProperty("totals");
        Assert.Equal(8, totals.GetProperty("files").GetInt32());
        Assert.Equal(SampleFiles.Sum(path => new FileInfo(Path.Combine(RepoPaths.Root, path)).Length), totals.GetProperty("bytes").GetInt64());
        Assert.Equal(files.Sum(file => file.GetProperty("rows").GetInt64()), totals.GetProperty("rows").GetInt64());
        Assert.Equal(result.StdoutLines.Length, totals.GetProperty("matches").GetInt64());
        Assert.Equal(304 + 588, totals.GetProperty("matches").GetInt64()); // samples/README.md: taxi 11865 has 304 rows, taxi 1 588
        Assert.Equal(0, totals.GetProperty("errors").GetInt32());
        Assert.Contains($"{totals.GetProperty("rows").GetInt64():N0} rows read", result.Stderr, StringComparison.Ordinal);

        var run = root.GetProperty("run");
        Assert.Equal(TaxiScanRun.Run(RepoPaths.Root, "--version").StdoutText.Trim(), run.GetProperty("taxiscan_version").GetString());
        Assert.Equal(2, run.GetProperty("ids").GetInt32());
        Assert.Equal(int.Parse(workers, CultureInfo.InvariantCulture), run.GetProperty("workers").GetInt32());
        Assert.Equal(0, run.GetProperty("exit_code").GetInt32());
        Assert.False(run.GetProperty("interrupted").GetBoolean());
        Assert.Equal(0, run.GetProperty("recovered_workers").GetInt32());
        Assert.Empty(root.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public void A_file_cut_into_byte_ranges_is_one_entry_with_the_numbers_of_one_worker()
    {
        using var dir = new TempDir();
        var bytes = CutFile(out var matching);
        dir.Create("big.csv", bytes);

        var one = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "--workers", "1", "--stats", "one.json", "big.csv");
        var three = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "--workers", "3", "-v", "--stats", "three.json", "big.csv");

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(three.ExitCode == 0, three.ToString());
        Assert.Contains("1 files cut into 3 parts", three.Stderr, StringComparison.Ordinal);
        using var oneReport = JsonDocument.Parse(File.ReadAllBytes(dir.Combine("one.json")));
        using var threeReport = JsonDocument.Parse(File.ReadAllBytes(dir.Combine("three.json")));
        var file = Assert.Single(threeReport.RootElement.GetProperty("files").EnumerateArray());
        var alone = Assert.Single(oneReport.RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal("big.csv", file.GetProperty("path").GetString());
        Assert.Equal("complete", file.GetProperty("status").GetString());
        Assert.Equal(bytes.Length, file.GetProperty("bytes").GetInt64());
        Assert.Equal(200_000, file.GetProperty("rows").GetInt64());
        Assert.Equal(matching, file.GetProperty("matches").GetInt64());
        Assert.Equal(three.StdoutLines.Length - 1, file.GetProperty("matches").GetInt64()); // less the header
        var malformed = file.GetProperty("malformed");
        Assert.Equal(2, malformed.GetProperty("total").GetInt64());
        Assert.Equal(1, malformed.GetProperty("short_row").GetInt64());
        Assert.Equal(1, malformed.GetProperty("no_delimiter").GetInt64());
        Assert.True(file.GetProperty("dialect").GetProperty("header").GetBoolean());
        Assert.Equal("id", file.GetProperty("dialect").GetProperty("id_column_name").GetString());
        Assert.Equal(5, file.GetProperty("dialect").GetProperty("fields").GetInt32());
        foreach (var field in new[] { "path", "status", "bytes", "rows", "matches", "malformed", "dialect", "errors", "warnings" })
        {
            Assert.Equal(alone.GetProperty(field).GetRawText(), file.GetProperty(field).GetRawText());
        }

        var totals = threeReport.RootElement.GetProperty("totals");
        Assert.Equal(1, totals.GetProperty("files").GetInt32());
        Assert.Equal(bytes.Length, totals.GetProperty("bytes").GetInt64());
        Assert.Equal(matching, totals.GetProperty("matches").GetInt64());
        Assert.Equal(2, totals.GetProperty("malformed").GetInt64());
    }

    [Fact]
    public void Malformed_rows_a_missing_path_an_unreadable_file_and_a_binary_file_are_in_the_report()
    {
        using var dir = new TempDir();
        dir.Create("a.csv", "1,a\nnot a row\n1,b\n");
        dir.Create("utf16.csv", [0xFF, 0xFE, (byte)'1', 0, (byte)',', 0, (byte)'a', 0, (byte)'\n', 0]);
        dir.Create("zero.dat", new byte[8192]);

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "1", "--stats", "run.json", "a.csv", "missing.csv", "utf16.csv", "zero.dat");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("1,a\n1,b\n", result.StdoutText);
        using var report = JsonDocument.Parse(File.ReadAllBytes(dir.Combine("run.json")));
        var root = report.RootElement;
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["a.csv", "utf16.csv", "zero.dat"], files.Select(file => file.GetProperty("path").GetString()));

        var a = files[0];
        Assert.Equal("complete", a.GetProperty("status").GetString());
        Assert.Equal(3, a.GetProperty("rows").GetInt64());
        Assert.Equal(2, a.GetProperty("matches").GetInt64());
        Assert.Equal(1, a.GetProperty("malformed").GetProperty("total").GetInt64());
        Assert.Equal(1, a.GetProperty("malformed").GetProperty("no_delimiter").GetInt64());
        Assert.Empty(a.GetProperty("errors").EnumerateArray());

        var utf16 = files[1];
        const string Utf16Error = "UTF-16 text (byte order mark) is not supported; convert it first, e.g. iconv -f UTF-16 -t UTF-8";
        Assert.Equal("failed", utf16.GetProperty("status").GetString());
        Assert.Equal([Utf16Error], utf16.GetProperty("errors").EnumerateArray().Select(error => error.GetString()));
        Assert.Equal(JsonValueKind.Null, utf16.GetProperty("dialect").ValueKind);

        var binary = files[2];
        Assert.Equal("skipped", binary.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, binary.GetProperty("dialect").ValueKind);
        Assert.StartsWith("skipped: binary data", binary.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(binary.GetProperty("errors").EnumerateArray());

        // Every error line of the run, as on stderr; the missing path is one, though it is not a file.
        Assert.Equal(["missing.csv: No such file or directory", $"utf16.csv: {Utf16Error}"],
            root.GetProperty("errors").EnumerateArray().Select(error => error.GetString()));
        var totals = root.GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("errors").GetInt32());
        Assert.Equal(1, totals.GetProperty("malformed").GetInt64());
        Assert.Equal(2, totals.GetProperty("matches").GetInt64());
        Assert.Contains("1 malformed, 2 errors", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, root.GetProperty("run").GetProperty("exit_code").GetInt32());
    }

    [Fact]
    public void Stats_on_stderr_come_after_the_summary_and_leave_stdout_byte_for_byte_unchanged()
    {
        var plain = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "11865", "--workers", "3", "samples/");
        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "11865", "--workers", "3", "--stats", "-", "samples/");

        Assert.True(result.ExitCode == 0, result.ToString());
        BytesAssert.Equal(plain.Stdout, result.Stdout, "stdout with --stats -");
        BytesAssert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "shenzhen_gb2312.expected_rows.csv")), result.Stdout, "the samples' rows");
        var summaryEnd = result.Stderr.IndexOf('\n', StringComparison.Ordinal);
        Assert.StartsWith("taxiscan: 8 files, 3.2 MB, 52,299 rows read, 304 matched", result.Stderr, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(result.Stderr[(summaryEnd + 1)..]);
        Assert.Equal(304, report.RootElement.GetProperty("totals").GetProperty("matches").GetInt64());
        Assert.Equal(52_299, report.RootElement.GetProperty("totals").GetProperty("rows").GetInt64());
    }

    [Theory]
    [InlineData("/proc/taxiscan-stats.json", "--stats /proc/taxiscan-stats.json: cannot create the file: ")]
    [InlineData("missing/run.json", "--stats missing/run.json: cannot create the file: ")]
    [InlineData("a.csv", "--stats a.csv: is also an input; refusing to overwrite it")]
    [InlineData("./rows.csv", "--stats ./rows.csv: is also the --output file")]
    public void A_stats_file_that_cannot_or_must_not_be_written_is_one_line_and_exit_2_before_scanning(string stats, string message)
    {
        using var dir = new TempDir();
        var input = dir.Create("a.csv", "1,a\n");

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "1", "-o", "rows.csv", "--stats", stats, "a.csv");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Stdout);
        var line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n')); // no summary: nothing was scanned
        Assert.StartsWith($"taxiscan: {message}", line, StringComparison.Ordinal);
        Assert.Equal("1,a\n", File.ReadAllText(input));
        Assert.Equal(["a.csv"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_run_ended_by_SIGINT_still_writes_the_report_saying_so()
    {
        // One worker: it finishes a.csv (its row on stdout shows the coordinator has settled it), then
        // waits on a FIFO nobody writes, where Ctrl-C finds it.
        using var dir = new TempDir();
        dir.Create("a.csv", "7,a\n8,b\n");
        using (var mkfifo = Process.Start("mkfifo", [dir.Combine("hold.fifo")]))
        {
            await mkfifo.WaitForExitAsync();
        }

        using var process = TaxiScanRun.Start(dir.Path, ["find", "--id", "7", "--workers", "1", "--progress", "never", "--stats", "run.json", "a.csv", "hold.fifo"]);
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TaxiScanRun.DefaultTimeout);
        Assert.Equal("7,a", await process.StandardOutput.ReadLineAsync(timeout.Token));
        using (var kill = Process.Start("kill", ["-s", "INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(timeout.Token);
        }

        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 130, await stderr);
        using var report = JsonDocument.Parse(File.ReadAllBytes(dir.Combine("run.json")));
        var root = report.RootElement;
        Assert.True(root.GetProperty("run").GetProperty("interrupted").GetBoolean());
        Assert.Equal(130, root.GetProperty("run").GetProperty("exit_code").GetInt32());
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["complete", "not_scanned"], files.Select(file => file.GetProperty("status").GetString()));
        Assert.Equal(1, files[0].GetProperty("matches").GetInt64());
        Assert.Equal(0, files[1].GetProperty("rows").GetInt64());
    }

    // Rows read: every line but the header (these files have none), a last line without a terminator too.
    private static long Lines(byte[] bytes) => bytes.Count(b => b == (byte)'\n') + (bytes.Length > 0 && bytes[^1] != (byte)'\n' ? 1 : 0);

    /// <summary>
    /// About 11 MB with a header, so that three workers cut it into three byte ranges; a short matching row
    /// in the first range and a matching row without a delimiter in the last.
    /// </summary>
    private static byte[] CutFile(out int matching)
    {
        var random = new Random(6);
        var text = new StringBuilder("id,time,lon,lat,note\n");
        matching = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var id = random.Next(20) == 0 ? "11865" : random.Next(10000, 40000).ToString(CultureInfo.InvariantCulture);
            var row = i switch
            {
                30_000 => "11865,short\n",
                170_000 => "11865 no delimiter here\n",
                _ => $"{id},2015-02-01 00:{i % 60:D2}:00,114.{random.Next(1000000):D6},22.{random.Next(1000000):D6},ok\n",
            };
            matching += row.StartsWith("11865,2015", StringComparison.Ordinal) ? 1 : 0;
            text.Append(row);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
