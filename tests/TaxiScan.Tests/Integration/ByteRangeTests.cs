using System.Globalization;
using System.Text;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// One large file is cut into byte ranges for the workers: every worker count must print exactly the
/// <c>--workers 1</c> bytes, also when the file holds quoted fields with line breaks (the cuts are unsafe
/// there, and the file is read on from the first range that holds a quote), and malformed rows must be
/// reported at their line in the whole file, not in their range.
/// </summary>
public class ByteRangeTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void One_large_file_gives_the_one_worker_bytes_at_every_worker_count(int workers)
    {
        using var dir = new TempDir();
        var (bytes, expected) = LargeFile(rows: 200_000, quotedFrom: -1, headerLine: true);
        dir.Create("big.csv", bytes);

        var one = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "--workers", "1", "big.csv");
        var many = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "--workers", workers.ToString(CultureInfo.InvariantCulture), "-v", "big.csv");

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(many.ExitCode == 0, many.ToString());
        BytesAssert.Equal(expected, one.Stdout, "one worker");
        BytesAssert.Equal(one.Stdout, many.Stdout, $"{workers} workers");
        Assert.Contains($"1 files cut into {workers} parts", many.Stderr, StringComparison.Ordinal);
        Assert.Contains("taxiscan: 1 files,", many.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Quoted_line_breaks_after_a_cut_are_read_whole_from_the_first_range_that_holds_a_quote(int workers)
    {
        using var dir = new TempDir();
        var (bytes, expected) = LargeFile(rows: 200_000, quotedFrom: 120_000, headerLine: false);
        dir.Create("quoted.csv", bytes);

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "--workers", workers.ToString(CultureInfo.InvariantCulture), "-v", "quoted.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        BytesAssert.Equal(expected, result.Stdout, $"{workers} workers");
        Assert.Contains("quotes in the data; reading it on from byte", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_row_in_a_later_range_is_reported_at_its_line_in_the_file()
    {
        using var dir = new TempDir();
        var text = new StringBuilder();
        for (var i = 1; i <= 150_000; i++)
        {
            text.Append(i == 140_000 ? "11865 no delimiter here\n" : $"{(i % 50 == 0 ? 11865 : i)},2015-02-01 00:00:00,114.0,22.5,1,0,0\n");
        }

        dir.Create("late.csv", text.ToString());

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", "11865", "--workers", "4", "late.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("late.csv:140000: no ',' delimiter", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(150_000 / 50, result.StdoutLines.Length);
    }

    /// <summary>
    /// A file of a few megabytes whose rows of 11865 are known; from row <paramref name="quotedFrom"/> on
    /// (if not -1), every 7th row has a quoted field that holds a line break and a fake row start.
    /// </summary>
    private static (byte[] Bytes, byte[] Expected) LargeFile(int rows, int quotedFrom, bool headerLine)
    {
        var random = new Random(rows + quotedFrom);
        var all = new StringBuilder();
        var expected = new StringBuilder();
        if (headerLine)
        {
            all.Append("id,time,lon,lat,note\n");
            expected.Append("id,time,lon,lat,note\n");
        }

        for (var i = 0; i < rows; i++)
        {
            var id = random.Next(20) == 0 ? "11865" : random.Next(10000, 40000).ToString(CultureInfo.InvariantCulture);
            var note = quotedFrom >= 0 && i >= quotedFrom && i % 7 == 0 ? "\"a note\n11865,spanning,two lines\"" : "ok";
            var row = $"{id},2015-02-01 00:{i % 60:D2}:00,114.{random.Next(1000000):D6},22.{random.Next(1000000):D6},{note}\n";
            all.Append(row);
            if (id == "11865")
            {
                expected.Append(row);
            }
        }

        return (Encoding.UTF8.GetBytes(all.ToString()), Encoding.UTF8.GetBytes(expected.ToString()));
    }
}
