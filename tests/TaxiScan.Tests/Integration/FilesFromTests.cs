using System.Text;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// Issue 6, item 2: <c>--files-from FILE|-</c> (with <c>--null-data</c>), on the real binary. The list
/// order is the output order, after the PATH arguments; listed paths are taken as PATH arguments are;
/// every misuse is one line on stderr, nothing on stdout, exit 2, before anything is scanned.
/// </summary>
public class FilesFromTests
{
    private static readonly TimeSpan ShellTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public void Find_print0_piped_in_gives_the_rows_of_the_listed_files_in_list_order()
    {
        // The acceptance command of issue 6, run by bash as a user would type it. tee keeps the list that
        // find wrote, since its order (the directory's, not sorted) is the order the rows must come in.
        using var dir = new TempDir();
        var list = dir.Combine("list.bin");
        var result = Bash($"find samples -name '*.csv' -print0 | tee '{list}' | taxiscan find --files-from - --null-data --id 11865 --progress never");

        Assert.True(result.ExitCode == 0, result.ToString());
        var listed = Encoding.UTF8.GetString(File.ReadAllBytes(list)).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, listed.Length);
        Assert.Equal(RowsOf("11865", listed), result.Stdout);
        Assert.Matches(@"^taxiscan: 6 files, 3\.1 MB, 50,037 rows read, 304 matched, 0 malformed, 0 errors in [0-9.]+ s \([0-9.]+ MB/s\)\n$", result.Stderr);
    }

    [Fact]
    public void A_sorted_print0_list_gives_exactly_the_bytes_of_scanning_the_directory()
    {
        var fromList = Bash("find samples -name '*.csv' -print0 | sort -z | taxiscan find --files-from - --null-data --id 11865 --progress never");
        var fromDirectory = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "11865", "--progress", "never", "samples/");

        Assert.True(fromList.ExitCode == 0, fromList.ToString());
        Assert.Equal(0, fromDirectory.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "shenzhen_gb2312.expected_rows.csv")), fromList.Stdout);
        Assert.Equal(fromDirectory.Stdout, fromList.Stdout);
    }

    [Fact]
    public void A_line_list_from_a_file_is_read_in_its_order_with_crlf_and_empty_lines_and_blanks_in_names()
    {
        using var dir = new TempDir();
        dir.Create("d/a.csv", "1,a\n2,a\n");
        dir.Create("d/b.csv", "1,b\n");
        dir.Create("d/with space.csv", "1,space\n");
        dir.Create("lists/days.txt", "d/with space.csv\r\n\r\nd/b.csv\n\nd/a.csv");

        var result = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "--files-from", "lists/days.txt");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("1,space\n1,b\n1,a\n", result.StdoutText);
        Assert.StartsWith("taxiscan: 3 files,", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_nul_list_on_stdin_takes_names_with_line_breaks_blanks_and_quotes_after_the_path_arguments()
    {
        using var dir = new TempDir();
        dir.Create("first.csv", "1,first\n");
        dir.Create("d/a b\nc.csv", "1,newline and space\n2,x\n");
        dir.Create("d/it's \"q\" $(x).csv", "1,quotes\n");
        dir.Create("d/sub/z.csv", "1,walked\n");
        var list = Encoding.UTF8.GetBytes("d/it's \"q\" $(x).csv\0d/a b\nc.csv\0d/sub\0");

        var result = TaxiScanRun.RunWithInput(dir.Path, list, "find", "--progress", "never", "--id", "1", "--files-from", "-", "--null-data", "first.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("1,first\n1,quotes\n1,newline and space\n1,walked\n", result.StdoutText);
        Assert.StartsWith("taxiscan: 4 files,", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void With_three_workers_the_list_gives_the_same_bytes_as_with_one()
    {
        var list = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(1, 6).Reverse().Select(day => $"samples/shenzhen_gb2312/2015-02-0{day}.csv")
            .Append("samples/tdrive_beijing")) + '\n');

        var one = TaxiScanRun.RunWithInput(RepoPaths.Root, list, "find", "--progress", "never", "--id", "11865,1", "--workers", "1", "--files-from", "-");
        var three = TaxiScanRun.RunWithInput(RepoPaths.Root, list, "find", "--progress", "never", "--id", "11865,1", "--workers", "3", "--files-from", "-");

        Assert.True(three.ExitCode == 0, three.ToString());
        Assert.Equal(one.Stdout, three.Stdout);
        var days = Enumerable.Range(1, 6).Reverse().Select(day => Path.Combine(RepoPaths.Samples, "shenzhen_gb2312", $"2015-02-0{day}.csv"));
        var tdrive = TaxiScanRun.Run(RepoPaths.Root, "find", "--progress", "never", "--id", "1", "samples/tdrive_beijing");
        Assert.Equal([.. RowsOf("11865", days), .. tdrive.Stdout], three.Stdout);
        Assert.StartsWith("taxiscan: 8 files,", three.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_100_000_files_is_scanned_whole_in_list_order()
    {
        // Reversed, so list order and sorted order differ. On tmpfs when there is one (see BadInputTests).
        const int Files = 100_000;
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var many = Directory.CreateDirectory(Path.Combine(root, "taxiscan-test-list-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var list = new StringBuilder();
            var expected = new StringBuilder();
            for (var i = Files - 1; i >= 0; i--)
            {
                File.WriteAllBytes(Path.Combine(many, $"{i:D6}.csv"), Encoding.ASCII.GetBytes($"{i % 7},{i}\n"));
                list.Append($"{i:D6}.csv\0");
                if (i % 7 == 3)
                {
                    expected.Append($"3,{i}\n");
                }
            }

            var result = TaxiScanRun.RunWithInput(many, Encoding.ASCII.GetBytes(list.ToString()),
                "find", "--progress", "never", "--id", "3", "--workers", "2", "--files-from", "-", "--null-data");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(expected.ToString(), result.StdoutText);
            Assert.StartsWith("taxiscan: 100000 files,", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(many, recursive: true);
        }
    }

    [Fact]
    public void An_empty_list_beside_path_arguments_is_fine_and_a_missing_listed_path_is_an_error_naming_it()
    {
        using var dir = new TempDir();
        dir.Create("a.csv", "1,a\n");
        dir.Create("empty.txt", "");
        dir.Create("list.txt", "a.csv\nno such.csv\n");

        var empty = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "--files-from", "empty.txt", "a.csv");
        var missing = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "--files-from", "list.txt");

        Assert.True(empty.ExitCode == 0, empty.ToString());
        Assert.Equal("1,a\n", empty.StdoutText);
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Equal("1,a\n", missing.StdoutText);
        Assert.StartsWith("taxiscan: no such.csv: No such file or directory\n", missing.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string, string> Misuses => new()
    {
        { ["--id", "1"], "", "taxiscan: no inputs: give PATH arguments or --files-from FILE (see 'taxiscan find --help')" },
        { ["--id", "1", "--null-data", "a.csv"], "", "taxiscan: --null-data needs --files-from: it says how that list is separated (see 'taxiscan find --help')" },
        { ["--id", "1", "--files-from", "-", "-"], "a.csv\n", "taxiscan: --files-from - reads the list from standard input, so '-' cannot also be an input (see 'taxiscan find --help')" },
        { ["--id", "1", "--files-from", "-", "/dev/stdin"], "a.csv\n", "taxiscan: --files-from - reads the list from standard input, so '/dev/stdin' cannot also be an input (see 'taxiscan find --help')" },
        { ["--id", "1", "--files-from", "-"], "a.csv\n-\n", "taxiscan: --files-from - reads the list from standard input, so the listed '-' cannot also be an input" },
        { ["--id", "1", "--files-from", "no-such-list.txt"], "", "taxiscan: --files-from no-such-list.txt: No such file or directory" },
        { ["--id", "1", "--files-from", "lists", "a.csv"], "", "taxiscan: --files-from lists: is a directory, not a list of paths" },
        { ["--id", "1", "--files-from", "lists/empty.txt"], "", "taxiscan: no inputs: --files-from lists/empty.txt listed none" },
        { ["--id", "1", "--files-from", "-", "--null-data"], "\0\0", "taxiscan: no inputs: --files-from - listed none" },
        { ["--id", "1", "--files-from", "a.csv", "--files-from", "a.csv"], "", "taxiscan: Option '--files-from' expects a single argument but 2 were provided. (see 'taxiscan find --help')" },
    };

    [Theory]
    [MemberData(nameof(Misuses))]
    public void A_misuse_is_one_line_on_stderr_nothing_on_stdout_and_exit_2(string[] arguments, string standardInput, string error)
    {
        using var dir = new TempDir();
        dir.Create("a.csv", "1,a\n");
        dir.Create("lists/empty.txt", "\n\n");

        var result = TaxiScanRun.RunWithInput(dir.Path, Encoding.UTF8.GetBytes(standardInput), ["find", "--progress", "never", .. arguments]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Equal(error + "\n", result.Stderr);
    }

    [Fact]
    public void A_list_file_whose_read_fails_is_an_error_naming_it_before_scanning()
    {
        // /proc/self/mem opens, even for root, but its first read fails with EIO (see BadInputTests).
        using var dir = new TempDir();
        dir.Create("a.csv", "1,a\n");

        var result = TaxiScanRun.Run(dir.Path, "find", "--progress", "never", "--id", "1", "--files-from", "/proc/self/mem", "a.csv");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Equal("taxiscan: --files-from /proc/self/mem: Input/output error\n", result.Stderr);
    }

    [Fact]
    public void Help_lists_both_options_and_shows_the_find_print0_example()
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  --files-from <FILE> ", result.StdoutText, StringComparison.Ordinal);
        Assert.Contains("  --null-data ", result.StdoutText, StringComparison.Ordinal);
        Assert.Contains("-print0 | sort -z | taxiscan find --id 11865 --files-from - --null-data\n", result.StdoutText, StringComparison.Ordinal);
    }

    private static ProcessResult Bash(string script) =>
        TaxiScanRun.RunProgram(RepoPaths.Root, TaxiScanRun.WithOnPath(TaxiScanRun.BinaryDirectory), ShellTimeout, "bash", "-c", "set -o pipefail; " + script);

    // The expected output built without taxiscan: each file's lines that start with the id, file after file.
    // (The Shenzhen samples have no header, and only rows of the id start with "id,".)
    private static byte[] RowsOf(string id, IEnumerable<string> files)
    {
        var rows = new MemoryStream();
        var prefix = Encoding.ASCII.GetBytes(id + ",");
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(Path.IsPathRooted(file) ? file : Path.Combine(RepoPaths.Root, file));
            for (var start = 0; start < bytes.Length;)
            {
                var end = Array.IndexOf(bytes, (byte)'\n', start);
                var next = end < 0 ? bytes.Length : end + 1;
                if (bytes.AsSpan(start).StartsWith(prefix))
                {
                    rows.Write(bytes, start, next - start);
                }

                start = next;
            }
        }

        return rows.ToArray();
    }
}
