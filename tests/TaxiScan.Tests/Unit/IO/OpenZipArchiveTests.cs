using System.IO.Compression;
using TaxiScan.IO;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Unit.IO;

public class OpenZipArchiveTests
{
    [Fact]
    public void Members_of_one_archive_are_read_through_one_open_archive_each_with_its_exact_bytes()
    {
        using var dir = new TempDir();
        var zip = ZipFixture.Create(dir.Combine("a.zip"),
            ("a.csv", "1,a\n"u8.ToArray(), CompressionLevel.Optimal),
            ("b.csv", "2,b\n2,bb\n"u8.ToArray(), CompressionLevel.NoCompression),
            ("c.csv", "3,c\n"u8.ToArray(), CompressionLevel.Optimal));
        using var zips = new OpenZipArchive();
        var archive = zips.For(zip);

        var read = new List<string>();
        foreach (var member in new[] { "b.csv", "a.csv", "c.csv", "b.csv" })
        {
            using var stream = InputOpener.Open(Model.InputKind.ZipMember, zip, member, zips);
            using var reader = new StreamReader(stream);
            read.Add(reader.ReadToEnd());
            Assert.Same(archive, zips.For(zip)); // still the archive opened for the first member
        }

        Assert.Equal(["2,b\n2,bb\n", "1,a\n", "3,c\n", "2,b\n2,bb\n"], read);
    }

    [Fact]
    public void Another_archive_closes_the_one_before()
    {
        using var dir = new TempDir();
        var first = ZipFixture.Create(dir.Combine("1.zip"), ("a.csv", "1\n"u8.ToArray(), CompressionLevel.Optimal));
        var second = ZipFixture.Create(dir.Combine("2.zip"), ("a.csv", "2\n"u8.ToArray(), CompressionLevel.Optimal));
        using var zips = new OpenZipArchive();
        var one = zips.For(first);

        var two = zips.For(second);

        Assert.NotSame(one, two);
        Assert.Throws<ObjectDisposedException>(() => one.GetEntry("a.csv")!.Open());
        using var member = ZipMemberStream.Open(zips, second, "a.csv");
        Assert.Equal("2\n", new StreamReader(member).ReadToEnd());
    }

    [Fact]
    public void A_member_that_is_not_there_is_named_and_the_archive_stays_usable()
    {
        using var dir = new TempDir();
        var zip = ZipFixture.Create(dir.Combine("a.zip"), ("a.csv", "1\n"u8.ToArray(), CompressionLevel.Optimal));
        using var zips = new OpenZipArchive();

        var missing = Assert.Throws<FileNotFoundException>(() => ZipMemberStream.Open(zips, zip, "b.csv"));
        Assert.Equal("the zip archive has no member named 'b.csv'", missing.Message);
        using var member = ZipMemberStream.Open(zips, zip, "a.csv");
        Assert.Equal("1\n", new StreamReader(member).ReadToEnd());
    }
}
