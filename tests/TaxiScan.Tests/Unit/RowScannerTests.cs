using System.Text;
using TaxiScan.Matching;
using TaxiScan.Scanning;

namespace TaxiScan.Tests.Unit;

public class RowScannerTests
{
    [Theory]
    [InlineData("1,a\n2,b\n1,c\n", "1,a\n1,c\n")]
    [InlineData("1,a\r\n2,b\r\n1,c\r\n", "1,a\r\n1,c\r\n")]
    [InlineData("2,b\n1,last-without-newline", "1,last-without-newline\n")]
    [InlineData("1,first\n\n\r\n2,b\n", "1,first\n")]
    [InlineData("", "")]
    public void Emits_matching_rows_whole_with_their_own_terminator(string input, string expected)
    {
        var (output, _, stats) = Scan(input, "1");

        Assert.Equal(expected, output);
        Assert.Equal(input.Length, stats.Bytes);
    }

    [Fact]
    public void Blank_lines_are_not_rows_and_rows_without_a_delimiter_are_malformed_with_their_line_number()
    {
        var (_, malformed, stats) = Scan("1,a\n\nnot a row\n1,b\n", "1");

        Assert.Equal(3, stats.Rows);
        Assert.Equal(2, stats.Matched);
        Assert.Equal(1, stats.Malformed);
        Assert.Equal([3L], malformed.Select(m => m.Line));
    }

    [Fact]
    public void Rows_that_straddle_block_boundaries_are_found_once_and_whole()
    {
        // Rows of varied length so that every offset within a block boundary is hit somewhere.
        var text = new StringBuilder();
        var expected = new StringBuilder();
        var random = new Random(42);
        while (text.Length < (3 * RowScanner.BlockSize) + 12345)
        {
            var id = random.Next(5) == 0 ? "7" : random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var row = id + "," + new string('x', random.Next(1, 300)) + "\n";
            text.Append(row);
            if (id == "7")
            {
                expected.Append(row);
            }
        }

        var (output, _, stats) = Scan(text.ToString(), "7");

        Assert.Equal(expected.ToString(), output);
        Assert.Equal(text.Length, stats.Bytes);
    }

    [Fact]
    public void A_row_longer_than_the_limit_is_skipped_and_reported_and_the_rows_after_it_are_still_found()
    {
        var huge = "1," + new string('x', RowScanner.MaxRowBytes + 10) + "\n";
        var (output, malformed, stats) = Scan("1,before\n" + huge + "1,after\n", "1");

        Assert.Equal("1,before\n1,after\n", output);
        Assert.Equal(1, stats.Malformed);
        Assert.Equal(2, malformed.Single().Line);
    }

    private static (string Output, List<(long Line, string Reason)> Malformed, UnitStats Stats) Scan(string input, string id)
    {
        var sink = new RecordingSink();
        var scanner = new RowScanner(new FirstFieldMatcher(new IdSet([id], Encoding.UTF8), (byte)','));
        var stats = scanner.Scan(new MemoryStream(Encoding.UTF8.GetBytes(input)), sink, CancellationToken.None);
        return (Encoding.UTF8.GetString(sink.Rows.ToArray()), sink.Malformed, stats);
    }

    private sealed class RecordingSink : IScanSink
    {
        public MemoryStream Rows { get; } = new();

        public List<(long Line, string Reason)> Malformed { get; } = [];

        public void OnMatch(ReadOnlySpan<byte> row, ReadOnlySpan<byte> addedTerminator)
        {
            Rows.Write(row);
            Rows.Write(addedTerminator);
        }

        public void OnMalformed(long line, string reason) => Malformed.Add((line, reason));

        public void OnBlock(long bytesSoFar, long rowsSoFar, long matchedSoFar)
        {
        }
    }
}
