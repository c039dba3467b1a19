using System.Diagnostics;
using System.Text;
using TaxiScan.Discovery;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Unit.Discovery;

public class PathListReaderTests
{
    private static IReadOnlyList<string> Read(string list, bool nulSeparated = false) =>
        PathListReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(list)), nulSeparated);

    [Fact]
    public void A_line_list_gives_one_path_per_line_in_order_without_the_line_terminators_or_empty_lines()
    {
        Assert.Equal(["b.csv", "a.csv", "dir/c.csv"], Read("b.csv\n\na.csv\r\n\r\ndir/c.csv"));
    }

    [Fact]
    public void Blanks_quotes_and_a_carriage_return_inside_a_name_are_part_of_it()
    {
        Assert.Equal([" lead.csv", "trail.csv ", "it's \"q\".csv", "a\rb.csv", "$(rm -rf x).csv"],
            Read(" lead.csv\ntrail.csv \nit's \"q\".csv\na\rb.csv\r\n$(rm -rf x).csv\n"));
    }

    [Fact]
    public void A_nul_list_splits_on_nul_only_so_names_keep_line_breaks_and_carriage_returns()
    {
        Assert.Equal(["a b\nc.csv", "d\r", "e.csv"], Read("a b\nc.csv\0d\r\0\0e.csv\0", nulSeparated: true));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("\n\r\n\n", false)]
    [InlineData("", true)]
    [InlineData("\0\0", true)]
    public void An_empty_list_gives_no_paths(string list, bool nulSeparated)
    {
        Assert.Empty(Read(list, nulSeparated));
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_and_non_utf8_bytes_become_the_replacement_character_discovery_reports()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a', (byte)'\n', (byte)'b', 0xFF, (byte)'.', (byte)'c', (byte)'\n' };

        Assert.Equal(["a", "b\uFFFD.c"], PathListReader.Read(new MemoryStream(bytes), nulSeparated: false));
    }

    [Fact]
    public void A_list_of_100_000_paths_is_read_in_order_in_well_under_a_second()
    {
        var names = Enumerable.Range(0, 100_000).Select(i => $"data/2015-02-{i % 28 + 1:D2}/taxi {i}.csv").ToArray();
        var list = Encoding.UTF8.GetBytes(string.Join('\0', names) + '\0');

        var clock = Stopwatch.StartNew();
        var paths = PathListReader.Read(new MemoryStream(list), nulSeparated: true);

        Assert.Equal(names, paths);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_list_file_is_read_from_its_path_and_a_missing_one_or_a_directory_is_a_short_reason()
    {
        using var dir = new TempDir();
        var list = dir.Create("list.txt", "a.csv\nb.csv\n");

        Assert.Equal(["a.csv", "b.csv"], PathListReader.ReadFile(list, nulSeparated: false));
        Assert.Equal("No such file or directory", Assert.Throws<IOException>(() => PathListReader.ReadFile(dir.Combine("nope"), false)).Message);
        Assert.Equal("is a directory, not a list of paths", Assert.Throws<IOException>(() => PathListReader.ReadFile(dir.Path, false)).Message);
    }
}
