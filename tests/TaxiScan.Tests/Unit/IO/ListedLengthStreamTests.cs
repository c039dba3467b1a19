using System.Text;
using TaxiScan.IO;

namespace TaxiScan.Tests.Unit.IO;

/// <summary>A file is read as it was listed: appended bytes are left out, a file that shrank is an error.</summary>
public class ListedLengthStreamTests
{
    [Fact]
    public void Bytes_appended_after_the_listing_are_not_read()
    {
        var grown = Encoding.ASCII.GetBytes("1,a\n2,b\n3,half-writ");
        using var stream = new ListedLengthStream(new MemoryStream(grown), listedLength: 8);

        Assert.Equal("1,a\n2,b\n", new StreamReader(stream).ReadToEnd());
    }

    [Fact]
    public void A_file_that_shrank_while_it_was_read_is_an_error_naming_both_lengths()
    {
        var truncated = Encoding.ASCII.GetBytes("1,a\n2,");
        using var stream = new ListedLengthStream(new MemoryStream(truncated), listedLength: 12);

        var error = Assert.Throws<IOException>(() => new StreamReader(stream).ReadToEnd());
        Assert.Equal("the file shrank while it was read: it ended at byte 6 of the 12 it had when listed", error.Message);
    }

    [Fact]
    public void Seeking_passes_through_for_byte_ranges()
    {
        using var stream = new ListedLengthStream(new MemoryStream(Encoding.ASCII.GetBytes("1,a\n2,b\n")), listedLength: 8);
        stream.Seek(4, SeekOrigin.Begin);

        Assert.Equal("2,b\n", new StreamReader(stream).ReadToEnd());
    }
}
