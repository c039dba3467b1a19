using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// One large file is cut into byte ranges for the workers: every worker count must print exactly the
/// <c>--workers 1</c> bytes, also when the file holds quoted fields with line breaks (the cuts are unsafe
/// there, and the file is read on from the first range that holds a quote), and malformed rows must be
/// reported at their line in the whole file, not in their range. The header, errors, malformed-row reports
/// and summary counts are those of one worker too, and a worker killed while it reads a file on is
/// replaced without leaving any of that file's rows behind, or taking another worker's file with it.
/// </summary>
public class ByteRangeTests
{
    private const string Row = "{0},2015-02-01 00:00:{1:D2},114.{2:D6},22.{3:D6},0,35,1\n";

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void One_large_file_gives_the_one_worker_bytes_at_every_worker_count(int workers)
    {
        using var dir = new TempDir();
        var (bytes, expected) = LargeFile(rows: 200_000, quotedFrom: -1, headerLine: true);
        dir.Create("big.csv", bytes);

        var one = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "--workers", "1", "big.csv");
        var many = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "--workers", workers.ToString(CultureInfo.InvariantCulture), "-v", "big.csv");

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(many.ExitCode == 0, many.ToString());
        BytesAssert.Equal(expected, one.Stdout, "one worker");
        BytesAssert.Equal(one.Stdout, many.Stdout, $"{workers} workers");
        Assert.Contains($"1 files cut into {workers} parts", many.Stderr, StringComparison.Ordinal);
        Assert.Contains("taxiscan: 1 files,", many.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Quoted_line_breaks_after_a_cut_are_read_whole_from_the_first_range_that_holds_a_quote(int workers)
    {
        using var dir = new TempDir();
        var (bytes, expected) = LargeFile(rows: 200_000, quotedFrom: 120_000, headerLine: false);
        dir.Create("quoted.csv", bytes);

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "--workers", workers.ToString(CultureInfo.InvariantCulture), "-v", "quoted.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        BytesAssert.Equal(expected, result.Stdout, $"{workers} workers");
        Assert.Contains("quotes in the data; reading it on from byte", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_row_in_a_later_range_is_reported_at_its_line_in_the_file()
    {
        using var dir = new TempDir();
        var text = new StringBuilder();
        for (var i = 1; i <= 150_000; i++)
        {
            text.Append(i == 140_000 ? "11865 no delimiter here\n" : $"{(i % 50 == 0 ? 11865 : i)},2015-02-01 00:00:00,114.0,22.5,1,0,0\n");
        }

        dir.Create("late.csv", text.ToString());

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "--workers", "4", "late.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("late.csv:140000: no ',' delimiter", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(150_000 / 50, result.StdoutLines.Length);
    }

    [Fact]
    public void The_header_is_printed_when_the_first_matching_row_is_in_a_later_range()
    {
        // Only the last row matches; it lies in the second range, whose worker sends no header.
        using var dir = new TempDir();
        var text = new StringBuilder("taxi_id,time,lon,lat,occupied,speed,direction\n");
        AppendRows(text, 60_000, seed: 1, every: 0);
        text.AppendFormat(CultureInfo.InvariantCulture, Row, 11865, 1, 2, 3);
        dir.Create("late.csv", text.ToString());

        var one = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "--workers", "1", "late.csv");
        var two = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "--workers", "2", "-v", "late.csv");

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.StartsWith("taxi_id,time,", one.StdoutText, StringComparison.Ordinal);
        Assert.Contains("1 files cut into 2 parts", two.Stderr, StringComparison.Ordinal);
        BytesAssert.Equal(one.Stdout, two.Stdout, two);
    }

    [Fact]
    public void A_file_that_cannot_be_searched_is_one_error_however_many_ranges_it_has()
    {
        using var dir = new TempDir();
        var text = new StringBuilder("taxi_id,time,lon,lat,occupied,speed,direction\n");
        AppendRows(text, 80_000, seed: 2, every: 97);
        dir.Create("named.csv", text.ToString());

        var one = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "-c", "nosuch", "--workers", "1", "named.csv");
        var three = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "-c", "nosuch", "--workers", "3", "named.csv");

        Assert.True(one.ExitCode == 2, one.ToString());
        Assert.True(three.ExitCode == 2, three.ToString());
        Assert.Contains(", 1 errors", one.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(three.Stderr, "no column named 'nosuch'"));
        Assert.Contains(", 1 errors", three.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_rows_of_a_cut_file_are_reported_as_for_one_worker_the_first_3_of_each_kind_per_file()
    {
        // README: "the first 3 of each kind per file, then one line with the count of each kind".
        using var dir = new TempDir();
        var text = new StringBuilder();
        var random = new Random(3);
        for (var i = 1; i <= 120_000; i++)
        {
            text.Append(i % 10_000 == 5 ? "garbage without delimiter\n" : Format(i % 97 == 0 ? "11865" : random.Next(10000, 40000).ToString(CultureInfo.InvariantCulture), i, random));
        }

        dir.Create("bad.csv", text.ToString());

        var one = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "--workers", "1", "bad.csv");
        var three = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "--workers", "3", "bad.csv");

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.Equal(3, Occurrences(one.Stderr, "no ',' delimiter"));
        Assert.Contains("bad.csv: 12 malformed rows in all (12 without a delimiter); 9 not shown", one.Stderr, StringComparison.Ordinal);
        Assert.Equal(WithoutTimings(one.Stderr), WithoutTimings(three.Stderr));
    }

    // Rows read and matched never depend on the worker count. Malformed rows do by default: a short row
    // is only seen when its block fails the census, and a row with spare delimiters in the same block can
    // hide it (the README says so); --strict reads every row on the exact path and counts them all.
    [Theory]
    [InlineData("1", false)] // blank lines in blocks that pass the census
    [InlineData("3", false)] // short rows in blocks with spare delimiters: rows read and matched only
    [InlineData("3", true)] // the same with --strict: malformed rows too
    public void The_summary_counts_are_the_same_for_every_worker_count(string column, bool strict)
    {
        using var dir = new TempDir();
        var text = new StringBuilder();
        var random = new Random(4);
        for (var i = 1; i <= 120_000; i++)
        {
            var id = i % 97 == 0 ? "11865" : random.Next(10000, 40000).ToString(CultureInfo.InvariantCulture);
            text.Append(column == "1"
                ? Format(id, i, random)
                : string.Format(CultureInfo.InvariantCulture, "{0},2015-02-01 00:00:{1:D2},{2},22.{3:D6},0,35,1\n", random.Next(100), i % 60, id, random.Next(1000000)));
            if (i % 3000 == 0)
            {
                text.Append(column == "1" ? "\n" : "12345,short\n");
            }
            else if (i % 3000 == 1500)
            {
                text.Append("12345,x").Append(',', 30).Append('\n'); // spare delimiters
            }
        }

        dir.Create("counts.csv", text.ToString());
        var summaries = new List<string>();
        foreach (var workers in new[] { "1", "2", "3", "7" })
        {
            var result = TaxiScanRun.Run(dir.Path, ["find", "--id", "11865", "-c", column, "--workers", workers, .. strict ? new[] { "--strict" } : [], "counts.csv"]);
            Assert.True(result.ExitCode == (strict ? 2 : 0), result.ToString());
            var summary = Summary(result.Stderr);
            summaries.Add($"-w{workers}: " + (strict || column == "1" ? summary : summary.Split(" matched")[0]));
        }

        Assert.True(summaries.Select(s => s[(s.IndexOf(':') + 1)..]).Distinct().Count() == 1, string.Join("\n", summaries));
    }

    [Fact]
    public async Task Rows_of_a_cut_file_are_not_held_back_until_a_later_standard_input_yields_data()
    {
        // The worker that finds a quote in its range reads stdin next; its QuoteInRange frame is not flushed,
        // so the file is not read on (and none of its rows printed) until stdin sends something.
        using var dir = new TempDir();
        var text = new StringBuilder();
        AppendRows(text, 100_000, seed: 5, every: 97, quotedAt: 90_000);
        dir.Create("quoted.csv", text.ToString());

        using var process = TaxiScanRun.Start(dir.Path, ["find", "--id", "11865", "--workers", "2", "--progress", "never", "quoted.csv", "-"]);
        var stderr = process.StandardError.ReadToEndAsync();
        var firstLine = process.StandardOutput.ReadLineAsync();
        var arrived = await Task.WhenAny(firstLine, Task.Delay(TimeSpan.FromSeconds(15))) == firstLine;
        process.StandardInput.Close();
        await process.WaitForExitAsync();

        Assert.True(arrived, "no row of quoted.csv within 15 s while standard input stayed open; stderr: " + await stderr);
    }

    [Fact]
    public void A_killed_read_on_worker_leaves_none_of_its_files_rows_behind()
    {
        // README: a failed worker's files are dropped whole; "a partly-read file never leaves half its rows behind".
        using var dir = new TempDir();
        var text = new StringBuilder();
        AppendRows(text, 300_000, seed: 6, every: 97, quotedAt: 230_000);
        dir.Create("quoted.csv", text.ToString());

        var result = RunKilling(dir, ["--workers", "2", "--retries", "0", "quoted.csv"], pids => Kill(pids[2], "KILL"));

        Assert.Contains("files not finished: quoted.csv", result.Stderr, StringComparison.Ordinal);
        Assert.True(result.Stdout.Length == 0, $"{result.StdoutLines.Length} rows of the failed file were printed\n{result}");
    }

    [Fact]
    public void A_killed_read_on_worker_is_replaced_and_the_file_is_printed_whole_once()
    {
        using var dir = new TempDir();
        var text = new StringBuilder();
        AppendRows(text, 300_000, seed: 6, every: 97, quotedAt: 230_000);
        dir.Create("quoted.csv", text.ToString());

        var result = RunKilling(dir, ["--workers", "2", "quoted.csv"], pids => Kill(pids[2], "KILL"), expectedExitCode: 0);
        var alone = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "--workers", "1", "quoted.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(alone.StdoutText == result.StdoutText, $"{alone.StdoutLines.Length} rows alone\n{result}");
        Assert.Contains("recovered from 1 failed workers", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_worker_that_failed_after_giving_up_a_range_does_not_take_the_read_on_file_with_it()
    {
        // Worker 1 gives up range 1 of big.csv (a quote), then reads many small files; worker 2 reads big.csv
        // on. Worker 1 is killed while worker 2 (held still meanwhile) reads: big.csv must still be printed whole.
        using var dir = new TempDir();
        var text = new StringBuilder();
        AppendRows(text, 300_000, seed: 7, every: 97, quotedAt: 230_000);
        dir.Create("a/big.csv", text.ToString());
        for (var i = 0; i < 600; i++)
        {
            var small = new StringBuilder();
            AppendRows(small, 30, seed: 100 + i, every: 1000);
            dir.Create($"b/{i:D4}.csv", small.ToString());
        }

        var result = RunKilling(dir, ["--workers", "2", "--retries", "0", "a", "b"], pids =>
        {
            if (!Kill(pids[2], "STOP"))
            {
                return false;
            }

            var killed = Kill(pids[1], "KILL");
            Thread.Sleep(500);
            Kill(pids[2], "CONT");
            return killed;
        });

        var alone = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "--workers", "1", "a/big.csv");
        Assert.DoesNotContain("big.csv", result.Stderr, StringComparison.Ordinal);
        Assert.StartsWith(alone.StdoutText, result.StdoutText, StringComparison.Ordinal);
    }

    /// <summary>
    /// A file of a few megabytes whose rows of 11865 are known; from row <paramref name="quotedFrom"/> on
    /// (if not -1), every 7th row has a quoted field that holds a line break and a fake row start.
    /// </summary>
    private static (byte[] Bytes, byte[] Expected) LargeFile(int rows, int quotedFrom, bool headerLine)
    {
        var random = new Random(rows + quotedFrom);
        var all = new StringBuilder();
        var expected = new StringBuilder();
        if (headerLine)
        {
            all.Append("id,time,lon,lat,note\n");
            expected.Append("id,time,lon,lat,note\n");
        }

        for (var i = 0; i < rows; i++)
        {
            var id = random.Next(20) == 0 ? "11865" : random.Next(10000, 40000).ToString(CultureInfo.InvariantCulture);
            var note = quotedFrom >= 0 && i >= quotedFrom && i % 7 == 0 ? "\"a note\n11865,spanning,two lines\"" : "ok";
            var row = $"{id},2015-02-01 00:{i % 60:D2}:00,114.{random.Next(1000000):D6},22.{random.Next(1000000):D6},{note}\n";
            all.Append(row);
            if (id == "11865")
            {
                expected.Append(row);
            }
        }

        return (Encoding.UTF8.GetBytes(all.ToString()), Encoding.UTF8.GetBytes(expected.ToString()));
    }

    // Runs taxiscan with a log file, waits for the third worker (the one that reads on), hands the workers'
    // pids to `act` and returns the run. A run where the workers were done before `act` could signal them
    // (it did not end with the expected exit code) is run again.
    private static TaxiScanResult RunKilling(TempDir dir, string[] arguments, Func<int[], bool> act, int expectedExitCode = 2)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var log = dir.Combine($"run{attempt}.log");
            var acted = false;
            var result = TaxiScanRun.RunAsync(dir.Path, ["find", "--id", "11865", "--progress", "never", "--log-file", log, .. arguments], process =>
            {
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
                {
                    var pids = File.Exists(log) ? WorkerPids(log) : [];
                    if (pids.Length >= 3)
                    {
                        acted = act(pids);
                        return;
                    }

                    Thread.Sleep(1);
                }
            }).GetAwaiter().GetResult();
            if (acted && result.ExitCode == expectedExitCode)
            {
                return result;
            }
        }

        Assert.Fail("the workers finished before the test could act on them, five times");
        return default;
    }

    private static int[] WorkerPids(string log)
    {
        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var text = new StreamReader(stream).ReadToEnd();
        return [.. Regex.Matches(text, "\"WorkerPid\":(\\d+)").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];
    }

    // False when the process was gone already.
    private static bool Kill(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, pid.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardError = true })!;
        kill.WaitForExit();
        return kill.ExitCode == 0;
    }

    // Rows of ids 10000..39999, every `every`-th one 11865 (0: none); from row `quotedAt` on (if > 0),
    // every 7th row holds a quoted field with a line break.
    private static void AppendRows(StringBuilder text, int rows, int seed, int every, int quotedAt = 0)
    {
        var random = new Random(seed);
        for (var i = 0; i < rows; i++)
        {
            var id = every > 0 && i % every == 0 ? "11865" : random.Next(10000, 40000).ToString(CultureInfo.InvariantCulture);
            var row = Format(id, i, random);
            text.Append(quotedAt > 0 && i >= quotedAt && i % 7 == 0 ? row.Replace(",0,35,", ",\"a\nnote\",35,", StringComparison.Ordinal) : row);
        }
    }

    private static string Format(string id, int i, Random random) =>
        string.Format(CultureInfo.InvariantCulture, Row, id, i % 60, random.Next(1000000), random.Next(1000000));

    private static int Occurrences(string text, string what) => text.Split(what).Length - 1;

    private static string Summary(string stderr) => stderr.Split('\n').Last(line => line.Contains(" files, ", StringComparison.Ordinal)).Split(" errors")[0];

    private static string WithoutTimings(string stderr) => Regex.Replace(stderr, @" errors in .*", " errors");
}
