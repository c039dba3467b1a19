using System.IO.Compression;
using TaxiScan.IO;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Unit.IO;

public class ZipMembersTests
{
    [Fact]
    public void Members_are_listed_in_archive_order_with_their_lengths_leaving_out_directories_and_hidden_entries()
    {
        using var dir = new TempDir();
        var zip = ZipFixture.Create(dir.Combine("a.zip"),
            ("z.csv", new byte[3], CompressionLevel.Optimal),
            ("2015/", [], CompressionLevel.Optimal),
            ("2015/b.csv", new byte[100_000], CompressionLevel.Optimal),
            ("2015/a.txt", new byte[7], CompressionLevel.NoCompression),
            ("__MACOSX/2015/._b.csv", new byte[4], CompressionLevel.Optimal),
            (".DS_Store", new byte[5], CompressionLevel.Optimal),
            ("2015/.hidden.csv", new byte[6], CompressionLevel.Optimal),
            (".ipynb_checkpoints/z-checkpoint.csv", new byte[8], CompressionLevel.Optimal),
            ("A.csv", [], CompressionLevel.Optimal),
            ("notes.md", new byte[2], CompressionLevel.Optimal));

        Assert.Equal(
            [("z.csv", 3L), ("2015/b.csv", 100_000L), ("2015/a.txt", 7L), ("A.csv", 0L), ("notes.md", 2L)],
            ZipMembers.List(zip));
    }

    [Fact]
    public void A_name_stored_twice_is_listed_once_and_opens_the_first_entry()
    {
        using var dir = new TempDir();
        var zip = ZipFixture.Create(dir.Combine("a.zip"),
            ("a.csv", "first\n"u8.ToArray(), CompressionLevel.Optimal),
            ("b.csv", "b\n"u8.ToArray(), CompressionLevel.Optimal),
            ("a.csv", "second!\n"u8.ToArray(), CompressionLevel.Optimal));

        Assert.Equal([("a.csv", 6L), ("b.csv", 2L)], ZipMembers.List(zip));
        using var member = ZipMemberStream.Open(zip, "a.csv");
        using var content = new MemoryStream();
        member.CopyTo(content);
        Assert.Equal("first\n"u8.ToArray(), content.ToArray());
    }

    [Fact]
    public void An_empty_archive_has_no_members()
    {
        using var dir = new TempDir();
        var zip = ZipFixture.Create(dir.Combine("a.zip"));

        Assert.Empty(ZipMembers.List(zip));
    }

    [Fact]
    public void A_file_that_is_not_a_zip_archive_is_an_invalid_data_error()
    {
        using var dir = new TempDir();
        var path = dir.Create("a.zip", "22223,not a zip\n");

        Assert.Throws<InvalidDataException>(() => ZipMembers.List(path));
    }

    [Fact]
    public void A_truncated_zip_archive_is_an_invalid_data_error()
    {
        using var dir = new TempDir();
        var zip = ZipFixture.Create(dir.Combine("a.zip"), ("a.csv", new byte[1000], CompressionLevel.Optimal));
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..^10]);

        Assert.Throws<InvalidDataException>(() => ZipMembers.List(zip));
    }

    [Fact]
    public void A_missing_archive_is_file_not_found()
    {
        using var dir = new TempDir();

        Assert.Throws<FileNotFoundException>(() => ZipMembers.List(dir.Combine("none.zip")));
    }
}
