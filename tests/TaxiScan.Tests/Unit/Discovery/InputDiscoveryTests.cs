using TaxiScan.Discovery;
using TaxiScan.Model;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Unit.Discovery;

public class InputDiscoveryTests
{
    [Fact]
    public void Directories_are_walked_in_sorted_order_skipping_hidden_entries_and_non_data_files()
    {
        using var dir = new TempDir();
        dir.Create("b.csv", "x");
        dir.Create("a/z.txt", "x");
        dir.Create("a/y.csv", "x");
        dir.Create("A.csv", "x");
        dir.Create(".hidden.csv", "x");
        dir.Create(".git/c.csv", "x");
        dir.Create("README.md", "x");
        dir.Create("notes.json", "x");

        var discovery = InputDiscovery.Run([dir.Path], outputs: []);

        Assert.Equal(["A.csv", "a/y.csv", "a/z.txt", "b.csv"],
            discovery.Units.Select(u => Path.GetRelativePath(dir.Path, u.Path)));
        Assert.Equal([0, 1, 2, 3], discovery.Units.Select(u => u.Index));
        Assert.Empty(discovery.Errors);
    }

    [Fact]
    public void A_file_named_explicitly_is_taken_whatever_its_name_and_only_once()
    {
        using var dir = new TempDir();
        var odd = dir.Create("data.log", "x");
        var csv = dir.Create("d.csv", "x");

        var discovery = InputDiscovery.Run([odd, dir.Path, csv], outputs: []);

        Assert.Equal([odd, csv], discovery.Units.Select(u => u.Path));
    }

    [Fact]
    public void A_missing_path_is_an_error_and_the_others_are_still_taken()
    {
        using var dir = new TempDir();
        var csv = dir.Create("d.csv", "x");

        var discovery = InputDiscovery.Run([dir.Combine("nope"), csv], outputs: []);

        Assert.Equal([csv], discovery.Units.Select(u => u.Path));
        Assert.Equal([$"{dir.Combine("nope")}: No such file or directory"], discovery.Errors);
    }

    [Fact]
    public void The_output_file_is_never_an_input_even_inside_a_scanned_directory()
    {
        using var dir = new TempDir();
        dir.Create("a.csv", "x");
        var output = dir.Create("rows.csv", "old");

        var discovery = InputDiscovery.Run([dir.Path], [output]);

        Assert.Equal(["a.csv"], discovery.Units.Select(u => Path.GetFileName(u.Path)));
        var found = Assert.Single(discovery.OutputsFound); // it exists already, so OutputClaims refuses the run
        Assert.Equal(new OutputAmongInputs(output, Path.Join(dir.Path, "rows.csv"), "rows.csv"), found);
    }

    [Fact]
    public void A_fifo_is_skipped_when_walking_but_read_as_a_stream_when_named()
    {
        using var dir = new TempDir();
        dir.Create("a.csv", "x");
        var fifo = dir.Combine("pipe.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        var walked = InputDiscovery.Run([dir.Path], outputs: []);
        var named = InputDiscovery.Run([fifo], outputs: []);

        Assert.Equal(["a.csv"], walked.Units.Select(u => Path.GetFileName(u.Path)));
        var unit = Assert.Single(named.Units);
        Assert.Equal((fifo, 0L, InputKind.File), (unit.Path, unit.Length, unit.Kind));
        Assert.Empty(named.Warnings);
    }
}
