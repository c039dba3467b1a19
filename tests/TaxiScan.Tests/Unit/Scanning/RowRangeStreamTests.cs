using System.Text;
using TaxiScan.Scanning;

namespace TaxiScan.Tests.Unit.Scanning;

/// <summary>Consecutive byte ranges of a file, read through <see cref="RowRangeStream"/>, give every row exactly once.</summary>
public class RowRangeStreamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Any_cuts_give_back_the_file_row_for_row(int seed)
    {
        var random = new Random(seed);
        var file = new StringBuilder();
        for (var row = 0; row < 3000; row++)
        {
            // Rows of every length, blank lines, CRLF, a long row now and then, and a last row that may have no line break.
            file.Append(row % 97 == 0 ? "" : new string((char)('a' + (row % 26)), random.Next(1, random.Next(10) == 0 ? 200_000 : 40)));
            file.Append(random.Next(5) == 0 ? "\r\n" : "\n");
        }

        if (seed % 2 == 0)
        {
            file.Append("last row without a line break");
        }

        var bytes = Encoding.ASCII.GetBytes(file.ToString());
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var cuts = Enumerable.Range(0, random.Next(1, 12)).Select(_ => (long)random.Next(1, bytes.Length)).Append(bytes.Length).Distinct().Order().ToList();
            var joined = new MemoryStream();
            var start = 0L;
            foreach (var end in cuts)
            {
                using var range = new RowRangeStream(new MemoryStream(bytes), start, end, startsAtRow: start == 0);
                range.CopyTo(joined, 1000);
                start = end;
            }

            Assert.True(bytes.AsSpan().SequenceEqual(joined.ToArray()), $"seed {seed}, cuts at {string.Join(", ", cuts)}");
        }
    }

    [Fact]
    public void A_range_inside_one_long_row_is_empty_and_the_row_belongs_to_the_range_it_starts_in()
    {
        var bytes = Encoding.ASCII.GetBytes("ab\n" + new string('x', 100) + "\ncd\n");

        Assert.Equal("ab\n" + new string('x', 100) + "\n", Read(bytes, 0, 10));
        Assert.Equal("", Read(bytes, 10, 50));
        Assert.Equal("cd\n", Read(bytes, 50, bytes.Length));
        Assert.Equal(new string('x', 100) + "\ncd\n", Read(bytes, 3, bytes.Length));
        Assert.Equal(new string('x', 100) + "\n", Read(bytes, 1, 4));
    }

    private static string Read(byte[] bytes, long start, long end)
    {
        using var range = new RowRangeStream(new MemoryStream(bytes), start, end, startsAtRow: start == 0);
        using var copy = new MemoryStream();
        range.CopyTo(copy);
        return Encoding.ASCII.GetString(copy.ToArray());
    }
}
