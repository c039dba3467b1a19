using TaxiScan.IO;
using TaxiScan.Platform;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Unit.IO;

public class FileKeyTests
{
    [Fact]
    public void A_hard_link_names_the_same_file()
    {
        using var dir = new TempDir();
        var data = dir.Create("a.csv", "1,a\n");
        var link = dir.Combine("hard.csv");
        Link(data, link);

        Assert.True(FileKey.SameFile(data, link));
        Assert.NotNull(FileKey.For(link).Identity);
    }

    [Fact]
    public void A_symlink_and_another_spelling_name_the_same_file()
    {
        using var dir = new TempDir();
        var data = dir.Create("d/a.csv", "1,a\n");
        var link = dir.Combine("latest.csv");
        File.CreateSymbolicLink(link, "d/a.csv");

        Assert.True(FileKey.SameFile(data, link));
        Assert.True(FileKey.SameFile(data, dir.Combine("d", "..", "d", ".", "a.csv")));
        Assert.Equal(data, FileKey.For(link).FullPath);
    }

    [Fact]
    public void Two_files_with_the_same_bytes_are_different_files()
    {
        using var dir = new TempDir();
        var one = dir.Create("a.csv", "1,a\n");
        var other = dir.Create("b.csv", "1,a\n");

        Assert.False(FileKey.SameFile(one, other));
        Assert.NotEqual(FileKey.For(one).Identity, FileKey.For(other).Identity);
    }

    [Fact]
    public void A_file_not_made_yet_is_known_by_its_path_and_a_dangling_link_by_where_it_leads()
    {
        using var dir = new TempDir();
        var rows = dir.Combine("rows.csv");
        File.CreateSymbolicLink(dir.Combine("latest.csv"), "rows.csv");

        Assert.Null(FileKey.For(rows).Identity);
        Assert.True(FileKey.SameFile(rows, dir.Combine("latest.csv")));
        Assert.False(FileKey.SameFile(rows, dir.Combine("other.csv")));
    }

    [Fact]
    public void An_existing_file_and_a_missing_one_are_different_files_even_when_the_names_differ_only_in_case()
    {
        using var dir = new TempDir();
        var data = dir.Create("A.csv", "1,a\n");

        Assert.False(FileKey.SameFile(data, dir.Combine("a.csv"))); // Linux: two names, and only one file exists
    }

    [Fact]
    public void Without_identities_names_differing_in_case_are_one_file_under_the_case_insensitive_rule_only()
    {
        static FileIdentity? None(string path) => null;

        var upper = FileKey.For("/data/Taxi7.CSV", CaseInsensitiveNaming.Instance, None);
        var lower = FileKey.For("/data/taxi7.csv", CaseInsensitiveNaming.Instance, None);
        var upperOrdinal = FileKey.For("/data/Taxi7.CSV", OrdinalNaming.Instance, None);
        var lowerOrdinal = FileKey.For("/data/taxi7.csv", OrdinalNaming.Instance, None);

        Assert.True(upper.IsSameFileAs(lower));
        Assert.False(upperOrdinal.IsSameFileAs(lowerOrdinal));
        Assert.True(lowerOrdinal.IsSameFileAs(FileKey.For("/data/./x/../taxi7.csv", OrdinalNaming.Instance, None)));
    }

    [Fact]
    public void Identities_decide_over_names_when_both_sides_have_one()
    {
        var sameIdentity = new FileIdentity(8, 42);
        var one = FileKey.For("/data/a.csv", OrdinalNaming.Instance, _ => sameIdentity);
        var other = FileKey.For("/elsewhere/b.csv", OrdinalNaming.Instance, _ => sameIdentity);
        var apart = FileKey.For("/data/a.csv", OrdinalNaming.Instance, _ => new FileIdentity(8, 43));

        Assert.True(one.IsSameFileAs(other));
        Assert.False(one.IsSameFileAs(apart));
    }

    private static void Link(string existing, string link)
    {
        using var ln = System.Diagnostics.Process.Start("ln", [existing, link]);
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
    }
}
