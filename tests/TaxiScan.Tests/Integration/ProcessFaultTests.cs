using System.Diagnostics;
using System.Text;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>Workers that die, signals, and a reader that goes away: exit codes, no torn rows, no orphans.</summary>
public class ProcessFaultTests
{
    // Big enough that a scan is still running a few hundred milliseconds after it starts.
    private static GeneratedSet BigSet => GeneratedSet.Get("--files 16 --size 600M --encoding gb2312 --taxis 300 --seed 5");

    [Theory]
    [InlineData(2)] // the 16 files split evenly: whole files only
    [InlineData(3)] // cuts inside files 6 and 11: byte ranges of one file in two workers
    public async Task Without_retries_a_worker_killed_mid_run_gives_exit_2_naming_it_and_no_torn_or_duplicated_row(int workers)
    {
        var set = BigSet;
        using var dir = new TempDir();
        var log = dir.Combine("run.log");

        var result = await TaxiScanRun.RunAsync(
            RepoPaths.Root,
            ["find", "--id", set.Target, "--workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture), "--retries", "0", "--log-file", log, set.CsvDirectory],
            process => KillAWorkerOf(process, log, workers));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Matches(@"taxiscan: worker \d \(pid \d+\) failed \(exit code 137", result.Stderr);
        Assert.Contains("files not finished: ", result.Stderr, StringComparison.Ordinal);

        // Every row written is a whole expected row, each at most once, in the expected order.
        var expected = SplitRows(set.ExpectedRows);
        var written = SplitRows(result.Stdout);
        Assert.True(written.Count < expected.Count, "a killed worker's rows cannot all be there");
        var position = 0;
        foreach (var row in written)
        {
            while (position < expected.Count && !expected[position].AsSpan().SequenceEqual(row))
            {
                position++;
            }

            Assert.True(position < expected.Count, "a written row is not an expected row in order: " + System.Text.Encoding.Latin1.GetString(row));
            position++;
        }

        Assert.Empty(WorkerProcesses(result));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_worker_killed_mid_run_is_replaced_and_the_output_is_byte_identical_to_an_undisturbed_run(int workers)
    {
        var set = BigSet;
        using var dir = new TempDir();
        var log = dir.Combine("run.log");

        var result = await TaxiScanRun.RunAsync(
            RepoPaths.Root, ["find", "--id", set.Target, "--workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture), "--log-file", log, set.CsvDirectory],
            process => KillAWorkerOf(process, log, workers));

        Assert.True(result.ExitCode == 0, result.ToString());
        BytesAssert.Equal(set.ExpectedRows, result.Stdout, "a run that recovered from a killed worker");
        Assert.Matches(@"worker \d \(pid \d+\) failed \(exit code 137.*scanning its \d+ unfinished files again in a new worker \(retry 1 of 1\)", result.Stderr);
        Assert.Contains("recovered from 1 failed workers", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(WorkerProcesses(result));
    }

    [Fact]
    public async Task A_worker_killed_before_it_has_read_its_job_is_replaced_and_the_run_succeeds()
    {
        // 4,000 files make each worker's job (the list of its files) about 200 KB, more than a
        // pipe holds, so the coordinator is still writing it when the worker is killed: the write and the
        // closing of that stdin fail with EPIPE, which once ended the run as "cannot write the output".
        using var dir = new TempDir();
        var expected = new StringBuilder();
        for (var i = 0; i < 4_000; i++)
        {
            var name = $"d{i / 500:D2}/vehicle-{i:D5}-with-a-long-name-to-make-the-job-bigger.csv";
            dir.Create(name, i % 200 == 0 ? $"7,{i}\n8,x\n" : "8,x\n");
            if (i % 200 == 0)
            {
                expected.Append(System.Globalization.CultureInfo.InvariantCulture, $"7,{i}\n");
            }
        }

        var log = dir.Combine("run.log");
        var result = await TaxiScanRun.RunAsync(dir.Path, ["find", "--id", "7", "--workers", "2", "--log-file", log, "."],
            process =>
            {
                var clock = Stopwatch.StartNew();
                while (ChildPids(process.Id).Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
                {
                    Thread.Sleep(1);
                }

                Signal(ChildPids(process.Id).First(), "SIGKILL");
            });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected.ToString(), result.StdoutText);
        Assert.Contains("recovered from 1 failed workers", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot write the output", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(WorkerProcesses(result));
    }

    [Fact]
    public async Task Workers_of_a_coordinator_killed_with_SIGKILL_exit_by_themselves_within_a_second_and_no_output_file_is_left()
    {
        var set = BigSet;
        using var dir = new TempDir();
        var log = dir.Combine("run.log");
        List<int> workers = [];
        var clock = new Stopwatch();

        var result = await TaxiScanRun.RunAsync(RepoPaths.Root, ["find", "--id", set.Target, "--workers", "2", "--log-file", log, "-o", dir.Combine("rows.csv"), set.CsvDirectory],
            process =>
            {
                WaitForWorkersToStart(log, 2);
                workers = ChildPids(process.Id);
                Signal(process.Id, "SIGKILL");
                clock.Start();
            });

        Assert.Equal(137, result.ExitCode);
        Assert.Equal(2, workers.Count);
        while (workers.Any(IsAlive) && clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            Thread.Sleep(10);
        }

        Assert.False(workers.Any(IsAlive), $"workers still running {clock.Elapsed.TotalMilliseconds:F0} ms after the coordinator died");

        // SIGKILL cannot be caught, so no clean-up ran: the output was an unnamed (O_TMPFILE) file.
        Assert.Equal(["run.log"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));

        // A zombie has exited; what counts is that it scans no more. Its parent (now init) reaps it.
        static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
    }

    [Fact]
    public void Workers_killed_at_the_first_match_leave_nothing_in_the_temporary_directory()
    {
        // -q kills the workers at the first match; a killed .NET process cannot remove its runtime files.
        var set = BigSet;
        using var tmp = new TempDir();

        var result = TaxiScanRun.RunProgram(RepoPaths.Root, new Dictionary<string, string?> { ["TMPDIR"] = tmp.Path }, TaxiScanRun.DefaultTimeout,
            RepoPaths.TaxiScanBinary, "find", "-q", "--workers", "2", "--id", set.Target, set.CsvDirectory);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp.Path).Select(Path.GetFileName));
    }

    // As the run starts (-1: before any worker), as the workers start (0), and at seeded random moments
    // of the scan. tests/soak/signals.sh does 50 more, at moments from start-up to past the end.
    public static TheoryData<string, int, int> SignalMoments()
    {
        var random = new Random(5);
        var data = new TheoryData<string, int, int>();
        foreach (var (signal, exitCode) in new[] { ("SIGINT", 130), ("SIGTERM", 143), ("SIGHUP", 129) })
        {
            data.Add(signal, exitCode, -1);
            data.Add(signal, exitCode, 0);
            for (var i = 0; i < 3; i++)
            {
                data.Add(signal, exitCode, random.Next(1, 100)); // the scan takes a few hundred ms
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SignalMoments))]
    public async Task A_signal_stops_every_worker_leaves_no_output_file_and_exits_128_plus_signal(string signal, int exitCode, int millisecondsIntoTheScan)
    {
        var set = BigSet;
        using var dir = new TempDir();
        var log = dir.Combine("run.log");
        var output = dir.Combine("rows.csv");

        var result = await TaxiScanRun.RunAsync(RepoPaths.Root, ["find", "--id", set.Target, "--workers", "2", "--log-file", log, "-o", output, set.CsvDirectory],
            process =>
            {
                WaitUntilTaxiScanRuns(process); // not the python3 that resets SIGINT and execs it (TaxiScanRun)
                if (millisecondsIntoTheScan >= 0)
                {
                    WaitForWorkersToStart(log, 2);
                    Thread.Sleep(millisecondsIntoTheScan);
                }

                Signal(process.Id, signal);
            },
            defaultSignals: true);

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.All(Directory.GetFiles(dir.Path).Select(Path.GetFileName), name => Assert.Equal("run.log", name)); // no output, no temporary file
        Assert.Empty(WorkerProcesses(result));
    }

    [Fact]
    public async Task Files_changed_during_the_scan_are_read_as_listed_appended_rows_left_out_a_truncated_file_an_error()
    {
        // One worker reads 16 files in name order; once it has started, 00.csv grows (whole rows and a
        // half-written one) and 15.csv, still unread, is cut in half.
        using var dir = new TempDir();
        var expected = new StringBuilder();
        for (var file = 0; file < 16; file++)
        {
            var text = new StringBuilder();
            for (var row = 0; row < 150_000; row++)
            {
                text.Append(row % 97 == 0 ? "11865" : (20000 + row).ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Append(",2015-02-01 00:00:00,114.000000,22.000000,0,35,1\n");
            }

            dir.Create($"{file:D2}.csv", text.ToString());
            if (file < 15)
            {
                expected.Append(string.Concat(text.ToString().Split('\n').Where(line => line.StartsWith("11865,", StringComparison.Ordinal)).Select(line => line + "\n")));
            }
        }

        var log = dir.Combine("run.log");
        var last = dir.Combine("15.csv");
        var listedLength = new FileInfo(last).Length;
        var result = await TaxiScanRun.RunAsync(dir.Path, ["find", "--id", "11865", "--workers", "1", "--log-file", log, dir.Path],
            process =>
            {
                WaitForWorkersToStart(log, 1);
                File.AppendAllText(dir.Combine("00.csv"), "11865,appended,a,b,0,35,1\n11865,half-writ");
                using var truncate = new FileStream(last, FileMode.Open, FileAccess.Write);
                truncate.SetLength(listedLength / 2);
            });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(expected.ToString(), result.StdoutText);
        Assert.Contains($"15.csv: the file shrank while it was read: it ended at byte {listedLength / 2} of the {listedLength} it had when listed", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_deleted_after_the_inputs_were_listed_is_an_error_naming_it_and_the_other_files_are_written()
    {
        // The worker is held on a FIFO, the first input, while the second file is deleted: deterministic.
        using var dir = new TempDir();
        var fifo = dir.Combine("first.fifo");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var deleted = dir.Create("deleted.csv", "11865,deleted\n");
        dir.Create("last.csv", "1,x\n11865,last\n");

        var log = dir.Combine("run.log");
        var result = await TaxiScanRun.RunAsync(dir.Path, ["find", "--id", "11865", "--workers", "1", "--log-file", log, "first.fifo", "deleted.csv", "last.csv"],
            process =>
            {
                WaitForWorkersToStart(log, 1);
                File.Delete(deleted);
                File.WriteAllText(fifo, "11865,fifo\n2,y\n");
            });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("11865,fifo\n11865,last\n", result.StdoutText);
        Assert.True(result.Stderr.Contains("taxiscan: deleted.csv: No such file or directory: it was removed after the inputs were listed\n", StringComparison.Ordinal), result.ToString());
    }

    [Fact]
    public async Task A_reader_that_goes_away_ends_the_run_early_and_quietly()
    {
        using var dir = new TempDir();
        for (var i = 0; i < 400; i++)
        {
            dir.Create($"{i:D4}.csv", string.Concat(Enumerable.Repeat($"9,{i}\n8,filler row of some length to make the file bigger\n", 4000)));
        }

        var log = dir.Combine("run.log");
        using var process = TaxiScanRun.Start(dir.Path, ["find", "--id", "9", "--workers", "1", "--log-file", log, "."]);
        var stderr = process.StandardError.ReadToEndAsync();
        var firstLine = await process.StandardOutput.ReadLineAsync();
        process.StandardOutput.Close(); // what `| head -1` does
        var exited = process.WaitForExit(TimeSpan.FromSeconds(20));

        Assert.True(exited, "taxiscan kept running after its reader left");
        Assert.Equal("9,0", firstLine);
        Assert.Equal(0, process.ExitCode);
        Assert.DoesNotContain("Exception", await stderr, StringComparison.Ordinal);
        var scanned = File.ReadAllLines(log).Count(line => line.Contains("Scanned ", StringComparison.Ordinal));
        Assert.True(scanned < 400, $"all {scanned} files were scanned although the reader left after the first row");
    }

    private static void KillAWorkerOf(Process coordinator, string log, int workers)
    {
        WaitForWorkersToStart(log, workers);
        var worker = ChildPids(coordinator.Id).First();
        Signal(worker, "SIGKILL");
    }

    // The coordinator logs each worker's start (at debug level, to the log file) right after starting it.
    // Then a short pause, so that the workers are scanning: with the fast path a worker's share of this
    // set takes only a few hundred milliseconds, so a longer one could find the run already over.
    private static void WaitForWorkersToStart(string log, int workers)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (File.Exists(log) && File.ReadAllText(log).Split("Worker {Worker} started").Length > workers)
            {
                Thread.Sleep(30);
                return;
            }

            Thread.Sleep(10);
        }

        throw new TimeoutException("the workers did not start");
    }

    private static void WaitUntilTaxiScanRuns(Process process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited
            && File.ReadAllText($"/proc/{process.Id}/comm").Trim() != Path.GetFileName(RepoPaths.TaxiScanBinary))
        {
            Thread.Sleep(1);
        }
    }

    private static List<int> ChildPids(int parent) =>
        Directory.GetDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), out var pid) ? pid : -1)
            .Where(pid => pid > 0)
            .Where(pid => ParentOf(pid) == parent)
            .ToList();

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    // Workers inherit the run's tag; give the kernel a moment to reap, then none may be left.
    private static List<int> WorkerProcesses(TaxiScanResult result)
    {
        Thread.Sleep(300);
        return LeftoverProcesses.Of(result.RunTag);
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal.Replace("SIG", "", StringComparison.Ordinal), pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static List<byte[]> SplitRows(byte[] bytes)
    {
        var rows = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                rows.Add(bytes[start..(i + 1)]);
                start = i + 1;
            }
        }

        Assert.Equal(bytes.Length, start); // no torn last row
        return rows;
    }
}
