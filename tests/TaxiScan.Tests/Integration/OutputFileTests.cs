using TaxiScan.Platform;
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
    public void An_output_onto_a_full_device_is_an_error_and_the_device_stays_a_device()
    {
        // A clone of /dev/full (character device 1,7) in a temporary directory: writing fails with ENOSPC.
        // Before, the rows went to a temporary file renamed over the device node, replacing it.
        using var dir = new TempDir();
        var full = dir.Combine("full");
        using (var mknod = System.Diagnostics.Process.Start("mknod", [full, "c", "1", "7"]))
        {
            mknod.WaitForExit();
            Assert.True(mknod.ExitCode == 0, "mknod needs root, as CI has");
        }

        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "1", "-o", full, TDrive);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("cannot write the output: No space left on device", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        Assert.Equal(["full"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
        Assert.False(Posix.IsRegularFile(full), "the device node was replaced by a file");
    }

    [Fact]
    public void An_output_to_dev_null_is_written_through_and_left_a_device()
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "1", "-o", "/dev/null", TDrive);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(Posix.IsRegularFile("/dev/null"));
    }

    [Fact]
    public void An_output_that_is_a_symlink_replaces_the_file_it_points_to_and_keeps_the_link()
    {
        using var dir = new TempDir();
        var target = dir.Create("real.csv", "old\n");
        var link = dir.Combine("link.csv");
        File.CreateSymbolicLink(link, target);

        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "1", "-o", link, TDrive);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(File.ReadAllBytes(Path.Combine(TDrive, "1.txt")), File.ReadAllBytes(target));
    }

    [Fact]
    public void An_output_on_a_read_only_file_system_is_an_error_before_scanning()
    {
        // /proc refuses new files for root too, unlike a directory without write permission.
        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "1", "-o", "/proc/taxiscan-rows.csv", TDrive);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("/proc/taxiscan-rows.csv: cannot create the output file", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
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

    [Fact]
    public void An_output_named_through_a_symlink_to_an_input_is_refused_and_the_input_left_untouched()
    {
        using var dir = new TempDir();
        var input = dir.Create("a.csv", "1,a\n");
        File.CreateSymbolicLink(dir.Combine("latest.csv"), "a.csv");

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "1", "-o", "latest.csv", "./a.csv");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("taxiscan: latest.csv: the output file is also an input; refusing to overwrite it\n", result.Stderr);
        Assert.Empty(result.Stdout);
        Assert.Equal("1,a\n", File.ReadAllText(input));
    }

    [Fact]
    public void A_new_output_inside_a_scanned_directory_is_never_read_and_a_rerun_onto_it_is_refused()
    {
        // The first run's rows.csv is new: the walk never reads it, nor data/latest.csv, which links to it.
        // On the rerun it is an existing data file the walk would read (the same-file rule cannot tell a
        // previous run's output from data): refused, and left as the first run wrote it.
        using var dir = new TempDir();
        dir.Create("data/a.csv", "1,a\n2,b\n");
        dir.Create("data/b.csv", "1,c\n");
        File.CreateSymbolicLink(dir.Combine("data", "latest.csv"), "rows.csv");
        var expected = "1,a\n1,c\n";

        var first = TaxiScanRun.Run(dir.Path, "find", "--id", "1", "-o", "data/rows.csv", "data");
        var second = TaxiScanRun.Run(dir.Path, "find", "--id", "1", "-o", "data/rows.csv", "data");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 2, second.ToString());
        Assert.Equal("taxiscan: data/rows.csv: the output file is also an input (the directory walk reads data/latest.csv, data/rows.csv); refusing to overwrite it: " +
            "write it elsewhere, or leave it out with --glob '!latest.csv' --glob '!rows.csv' next to a --glob for the files to read\n", second.Stderr);
        Assert.Equal(expected, File.ReadAllText(dir.Combine("data", "rows.csv")));
        Assert.Empty(second.Stdout);
    }
}
