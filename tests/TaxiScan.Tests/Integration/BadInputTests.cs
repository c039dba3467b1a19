using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// Issue 5, item 3: the bad input matrix, each case on the real binary. The contract: exit 0 rows found,
/// 1 none, 2 error; stdout is data only; each bad input gets one line on stderr naming the file (and
/// line) and the reason, the other inputs are still scanned, and nothing hangs (every run is bounded by
/// <see cref="TaxiScanRun.DefaultTimeout"/>, which kills it and fails the test).
/// </summary>
public partial class BadInputTests
{
    [Fact]
    public void A_missing_path_is_one_error_line_and_exit_2_while_the_other_paths_are_scanned()
    {
        using var dir = new TempDir();
        dir.Create("ok.csv", "1,a\n2,b\n");

        var result = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "missing.csv", "ok.csv");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("1,a\n", result.StdoutText);
        Assert.Equal(["taxiscan: missing.csv: No such file or directory"], Diagnostics(result));
    }

    [Fact]
    public void A_name_with_a_line_break_is_reported_on_one_line_with_the_break_escaped()
    {
        using var dir = new TempDir();
        dir.Create("ok.csv", "1,a\n");

        var result = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "new\nline.csv", "ok.csv");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(["taxiscan: new\\nline.csv: No such file or directory"], Diagnostics(result));
    }

    [Fact]
    public void An_id_from_path_expression_that_backtracks_without_end_is_an_error_not_a_hang()
    {
        using var dir = new TempDir();
        dir.Create(new string('a', 40) + "!.txt", "1,a\n");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "x", "--id-from-path", "((a+)+)$", ".");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Contains("--id-from-path: the expression took over 1 s on ", result.Stderr, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void An_empty_directory_has_no_rows_exit_1_and_no_diagnostic()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("empty"));

        var result = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "empty");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Empty(Diagnostics(result));
    }

    [Fact]
    public void An_empty_file_has_no_rows_exit_1_and_no_diagnostic()
    {
        using var dir = new TempDir();
        dir.Create("empty.csv", "");

        var result = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "--workers", "2", "empty.csv");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Empty(Diagnostics(result));
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

    [Fact]
    public void A_directory_of_100_000_tiny_files_is_scanned_whole_in_order()
    {
        // 100,000 files of one row each. Creating them costs ~150 us each on this machine's disk (15 s),
        // 9 us on tmpfs: so they go to /dev/shm when there is one. Scanning them takes about 4 s.
        const int Files = 100_000;
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var many = Directory.CreateDirectory(Path.Combine(root, "taxiscan-test-many-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var expected = new StringBuilder();
            for (var i = 0; i < Files; i++)
            {
                File.WriteAllBytes(Path.Combine(many, $"{i:D6}.csv"), Encoding.ASCII.GetBytes($"{i % 7},{i}\n"));
                if (i % 7 == 3)
                {
                    expected.Append($"3,{i}\n");
                }
            }

            var result = TaxiScanRun.Run(many, "find", "--progress", "never", "--id", "3", "--workers", "2", ".");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(expected.ToString(), result.StdoutText);
            Assert.Empty(Diagnostics(result));
            Assert.StartsWith("taxiscan: 100000 files,", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(many, recursive: true);
        }
    }

    [Fact]
    public void Names_with_spaces_and_newlines_are_read_whether_walked_or_named()
    {
        using var dir = new TempDir();
        dir.Create("d/a b.csv", "1,space\n2,x\n");
        dir.Create("d/new\nline.csv", "1,newline\n");
        dir.Create("d/ lead and trail .csv", "1,blanks\n");

        var walked = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "d");
        var named = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "d/new\nline.csv", "d/a b.csv");

        Assert.True(walked.ExitCode == 0, walked.ToString());
        Assert.Equal("1,blanks\n1,space\n1,newline\n", walked.StdoutText);
        Assert.Empty(Diagnostics(walked));
        Assert.True(named.ExitCode == 0, named.ToString());
        Assert.Equal("1,newline\n1,space\n", named.StdoutText);
        Assert.Empty(Diagnostics(named));
    }

    [Fact]
    public void A_walked_file_whose_name_is_not_utf8_is_an_error_naming_it_not_silently_dropped()
    {
        // .NET decodes file names as UTF-8 (U+FFFD for bad bytes) and cannot open such a file by name.
        // Before the fix the walk dropped it without a word: its rows were lost and the exit code was 0.
        using var dir = new TempDir();
        dir.Create("d/good.csv", "1,good\n");
        CreateFileWithRawName(dir.Combine("d"), [.. "bad"u8, 0xFF, 0xFE, .. ".csv"u8], "1,bad\n"u8.ToArray());

        var result = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "d");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("1,good\n", result.StdoutText);
        Assert.Equal(["taxiscan: d/bad\uFFFD\uFFFD.csv: file name is not valid UTF-8; taxiscan cannot open it"], Diagnostics(result));
    }

    [Fact]
    public void A_named_file_whose_name_is_not_utf8_is_an_error_that_says_so()
    {
        // The argument's bytes can only be passed through a shell: .NET would encode a string as UTF-8.
        using var dir = new TempDir();
        dir.Create("good.csv", "1,good\n");
        CreateFileWithRawName(dir.Path, [.. "bad"u8, 0xFF, 0xFE, .. ".csv"u8], "1,bad\n"u8.ToArray());

        var (exitCode, stdout, stderr) = Shell(dir.Path, $"exec '{RepoPaths.TaxiScanBinary}' find --progress never --id 1 good.csv \"$(printf 'bad\\377\\376.csv')\"");

        Assert.Equal(2, exitCode);
        Assert.Equal("1,good\n", stdout);
        Assert.Equal(["taxiscan: bad\uFFFD\uFFFD.csv: file name is not valid UTF-8; taxiscan cannot open it"], Diagnostics(stderr));
    }

    [Fact]
    public void Symlink_loops_in_a_directory_never_hang_a_file_loop_is_an_error_a_directory_loop_is_not_followed()
    {
        using var dir = new TempDir();
        dir.Create("d/ok.csv", "1,ok\n");
        File.CreateSymbolicLink(dir.Combine("d", "a.csv"), "b");   // a.csv -> b -> a.csv
        File.CreateSymbolicLink(dir.Combine("d", "b"), "a.csv");
        Directory.CreateSymbolicLink(dir.Combine("d", "up"), "..");  // a directory link to its parent
        Directory.CreateSymbolicLink(dir.Combine("d", "self.csv"), "."); // and one to itself, with a data name

        var result = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "d");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("1,ok\n", result.StdoutText);
        Assert.Equal(["taxiscan: d/a.csv: Too many levels of symbolic links"], Diagnostics(result));
    }

    [Fact]
    public void A_symlink_loop_named_on_the_command_line_is_an_error()
    {
        using var dir = new TempDir();
        File.CreateSymbolicLink(dir.Combine("a.csv"), "b.csv");
        File.CreateSymbolicLink(dir.Combine("b.csv"), "a.csv");

        var result = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "a.csv");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Stdout);
        var line = Assert.Single(Diagnostics(result));
        Assert.StartsWith("taxiscan: a.csv: Too many levels of symbolic links", line, StringComparison.Ordinal);
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
    public void Fifos_and_devices_found_in_a_directory_are_skipped_with_a_warning_never_read()
    {
        // A FIFO with no writer would block open(2) for ever; /dev/zero never ends; /dev/null is empty but
        // is still not a data file. (A FIFO *named* on the command line is read as a stream: see README.)
        using var dir = new TempDir();
        dir.Create("d/ok.csv", "1,ok\n");
        Run("mkfifo", dir.Combine("d", "x.csv"));
        File.CreateSymbolicLink(dir.Combine("d", "null.csv"), "/dev/null");
        File.CreateSymbolicLink(dir.Combine("d", "zero.csv"), "/dev/zero");

        var result = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "--workers", "2", "d");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("1,ok\n", result.StdoutText);
        Assert.Equal(
            [
                "taxiscan: d/null.csv: skipped: a character device",
                "taxiscan: d/x.csv: skipped: a FIFO (name it on the command line to read it as a stream)",
                "taxiscan: d/zero.csv: skipped: a character device",
            ],
            Diagnostics(result));
    }

    [Fact]
    public void A_dangling_symlink_in_a_directory_is_an_unreadable_file_error()
    {
        // Root ignores permission bits, so chmod 000 proves nothing in CI that runs as root. A symlink to
        // nothing fails to open for every user: it is a data file of the directory whose rows cannot be
        // read, so it is reported (it used to be dropped silently, exit 1).
        using var dir = new TempDir();
        dir.Create("d/ok.csv", "1,ok\n");
        File.CreateSymbolicLink(dir.Combine("d", "gone.csv"), dir.Combine("nowhere.csv"));

        var result = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "d");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("1,ok\n", result.StdoutText);
        Assert.Equal(["taxiscan: d/gone.csv: No such file or directory (a symbolic link to nothing)"], Diagnostics(result));
    }

    [Fact]
    public void A_file_whose_reads_fail_for_every_user_is_an_error_naming_it_and_the_rest_is_scanned()
    {
        // /proc/self/mem is a regular file to stat(2) that opens, even for root, but whose first read
        // fails with EIO (address 0 is never mapped): an honest "unreadable file" whatever the user.
        using var dir = new TempDir();
        dir.Create("d/ok.csv", "1,ok\n");
        File.CreateSymbolicLink(dir.Combine("d", "mem.csv"), "/proc/self/mem");

        var result = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "d");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("1,ok\n", result.StdoutText);
        var line = Assert.Single(Diagnostics(result));
        Assert.StartsWith("taxiscan: d/mem.csv: Input/output error", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_skipped_in_one_warning_line_even_when_cut_among_workers()
    {
        // 3 MB of random bytes, commas and all: without the skip, chance "\n1," rows would be printed and
        // the rest reported as thousands of malformed rows. At -w2 the file is cut in two byte ranges;
        // the warning comes once.
        using var dir = new TempDir();
        var bytes = new byte[3_000_000];
        new Random(5).NextBytes(bytes);
        dir.Create("bin.csv", bytes);
        dir.Create("ok.csv", "1,ok\n");

        var result = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "--workers", "2", "bin.csv", "ok.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("1,ok\n", result.StdoutText);
        Assert.Equal(["taxiscan: bin.csv: skipped: binary data, not text (most of its first 64 KiB is in lines with NUL bytes)"], Diagnostics(result));
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
    public void A_50_MB_single_line_without_a_newline_is_one_malformed_line_report_and_no_row()
    {
        // Its id field is 1, but a line of 16 MiB or more is skipped (README, malformed rows): memory stays
        // bounded and the user is told which line was not read.
        using var dir = new TempDir();
        var line = new byte[50 * 1024 * 1024];
        line.AsSpan().Fill((byte)'x');
        "1,"u8.CopyTo(line);
        dir.Create("long.csv", line);
        dir.Create("ok.csv", "1,ok\n");

        var result = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "--workers", "2", "long.csv", "ok.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("1,ok\n", result.StdoutText);
        Assert.Equal(["taxiscan: long.csv:1: line of 16 MiB or more, skipped"], Diagnostics(result));
    }

    public static TheoryData<int> FuzzSeeds => new(Enumerable.Range(1, 12));

    [Theory]
    [MemberData(nameof(FuzzSeeds))]
    public void Mutated_real_files_never_crash_hang_or_print_a_row_whose_id_differs(int seed)
    {
        (string File, string Id, char Delimiter)[] sources =
        [
            (Path.Combine(RepoPaths.RealData, "tdrive_beijing", "1.txt"), "1", ','),
            (Path.Combine(RepoPaths.RealData, "tdrive_beijing", "2.txt"), "2", ','),
            (Path.Combine(RepoPaths.RealData, "rome_crawdad", "medium_raw_taxi_trace.csv"), "156", ';'),
        ];
        var random = new Random(seed);
        var (source, id, delimiter) = sources[seed % sources.Length];
        var bytes = Mutate(File.ReadAllBytes(source), random);
        using var dir = new TempDir();
        dir.Create("m.csv", bytes);
        var workers = (seed % 2 + 1).ToString();

        // Once as a user would run it (dialect detected), once with the dialect fixed so the rows can be
        // checked against the simplest reference: the text before the first delimiter is the id.
        var detected = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", id, "--workers", workers, "m.csv");
        var fixedDialect = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", id, "-d", delimiter.ToString(), "--no-header", "--workers", workers, "m.csv");

        foreach (var result in new[] { detected, fixedDialect })
        {
            Assert.True(result.ExitCode is 0 or 1 or 2, $"seed {seed}\n{result}");
            Assert.DoesNotContain("Unhandled exception", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal); // no stack trace
            Assert.True(result.ExitCode != 1 || result.Stdout.Length == 0, $"seed {seed}: exit 1 with rows\n{result}");
            Assert.True(result.ExitCode != 0 || result.Stdout.Length > 0, $"seed {seed}: exit 0 without rows\n{result}");
        }

        var quoted = Array.IndexOf(bytes, (byte)'"') >= 0;
        foreach (var row in fixedDialect.StdoutLines)
        {
            var text = row.TrimEnd('\r');
            if (quoted)
            {
                // A quoted row may span lines; its first line starts with the id field, bare or quoted.
                Assert.True(text.StartsWith(id + delimiter, StringComparison.Ordinal) || text.StartsWith($"\"{id}\"{delimiter}", StringComparison.Ordinal) || !IsRowStart(fixedDialect, row), $"seed {seed}: row {row}\n{fixedDialect}");
            }
            else
            {
                Assert.True(text.Split(delimiter)[0] == id, $"seed {seed}: row {row}\n{fixedDialect}");
            }
        }
    }

    // In a quoted file a printed line may be the continuation of a multi-line row; only lines that follow
    // a line ending outside quotes start a row. Counting quotes from the start of stdout tells which.
    private static bool IsRowStart(TaxiScanResult result, string line)
    {
        var text = result.StdoutText;
        var at = text.IndexOf(line, StringComparison.Ordinal);
        return text[..at].Count(c => c == '"') % 2 == 0;
    }

    // Flip bytes, insert quotes, line breaks and NULs, and cut the tail: a few edits per file, so most of
    // it stays real data whose rows must still be found.
    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var edits = random.Next(1, 12);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.Insert(at, (byte)'"');
                    break;
                case 3:
                    bytes.Insert(at, random.Next(2) == 0 ? (byte)'\n' : (byte)'\r');
                    break;
                case 4:
                    bytes.InsertRange(at, new byte[random.Next(1, 64)]);
                    break;
                case 5:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }

            if (bytes.Count == 0)
            {
                break;
            }
        }

        return [.. bytes];
    }

    private static readonly Regex SummaryLine = SummaryPattern();

    /// <summary>Every stderr line but the closing summary: the warnings and errors.</summary>
    private static string[] Diagnostics(TaxiScanResult result) => Diagnostics(result.Stderr);

    private static string[] Diagnostics(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 0 && SummaryLine.IsMatch(lines[^1]), "no summary line at the end of stderr:\n" + stderr);
        return lines[..^1];
    }

    [GeneratedRegex(@"^taxiscan: \d+ files, .* errors in [0-9.]+ s ")]
    private static partial Regex SummaryPattern();

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags, int mode);

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    private static extern nint Write(int fd, byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);

    /// <summary>Creates a file whose name is raw bytes (Linux allows any but '/' and NUL; .NET strings cannot hold them).</summary>
    private static void CreateFileWithRawName(string directory, byte[] name, byte[] contents)
    {
        const int WriteOnlyCreateTruncate = 0x1 | 0x40 | 0x200;
        byte[] path = [.. Encoding.UTF8.GetBytes(directory + "/"), .. name, 0];
        var fd = Open(path, WriteOnlyCreateTruncate, Convert.ToInt32("644", 8));
        Assert.True(fd >= 0, $"open failed: errno {Marshal.GetLastPInvokeError()}");
        try
        {
            Assert.Equal(contents.Length, (int)Write(fd, contents, contents.Length));
        }
        finally
        {
            Close(fd);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        var result = TaxiScanRun.RunProgram(Environment.CurrentDirectory, new Dictionary<string, string?>(), TimeSpan.FromSeconds(30), program, arguments);
        Assert.True(result.ExitCode == 0, $"{program} failed");
    }

    private static (int ExitCode, string Stdout, string Stderr) Shell(string directory, string script)
    {
        var result = TaxiScanRun.RunProgram(directory, new Dictionary<string, string?>(), TaxiScanRun.DefaultTimeout, "sh", "-c", script);
        return (result.ExitCode, result.StdoutText, result.Stderr);
    }
}
