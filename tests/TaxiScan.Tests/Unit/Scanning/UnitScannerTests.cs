using System.Text;
using TaxiScan.Model;
using TaxiScan.Scanning;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Unit.Scanning;

public class UnitScannerTests
{
    [Theory]
    [InlineData("1,a\n2,b\n1,c\n", "1,a\n1,c\n")]
    [InlineData("1,a\r\n2,b\r\n1,c\r\n", "1,a\r\n1,c\r\n")]
    [InlineData("2,b\n1,last-without-newline", "1,last-without-newline\n")]
    [InlineData("1,first\n\n\r\n2,b\n", "1,first\n")]
    [InlineData("", "")]
    public void Emits_matching_rows_whole_with_their_own_terminator(string input, string expected)
    {
        var run = Scan(input, "1");

        Assert.Equal(expected, run.Output);
        Assert.Equal(input.Length, run.Stats.Bytes);
    }

    [Fact]
    public void Blank_lines_are_read_but_never_match_and_rows_without_a_delimiter_are_malformed_with_their_line_number()
    {
        var run = Scan("1,a\n\nnot a row\n1,b\n", "1", new MatchSpec { Ids = ["1"], Delimiter = DelimiterChoice.Of((byte)',') });

        Assert.Equal(4, run.Stats.Rows); // every line is read, the blank one too, as the fast path counts them
        Assert.Equal(2, run.Stats.Matched);
        Assert.Equal(1, run.Stats.Malformed);
        Assert.Equal([3L], run.Malformed.Select(m => m.Line));
    }

    [Fact]
    public void Rows_that_straddle_block_boundaries_are_found_once_and_whole()
    {
        // Rows of varied length so that every offset within a block boundary is hit somewhere.
        var text = new StringBuilder();
        var expected = new StringBuilder();
        var random = new Random(42);
        while (text.Length < (3 * LineScanner.BlockSize) + 12345)
        {
            var id = random.Next(5) == 0 ? "7" : random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var row = id + "," + new string('x', random.Next(1, 300)) + "\n";
            text.Append(row);
            if (id == "7")
            {
                expected.Append(row);
            }
        }

        var run = Scan(text.ToString(), "7");

        Assert.Equal(expected.ToString(), run.Output);
        Assert.Equal(text.Length, run.Stats.Bytes);
    }

    [Fact]
    public void A_row_longer_than_the_limit_is_skipped_and_reported_and_the_rows_after_it_are_still_found()
    {
        var huge = "1," + new string('x', LineScanner.MaxRowBytes + 10) + "\n";
        var run = Scan("1,before\n" + huge + "1,after\n", "1");

        Assert.Equal("1,before\n1,after\n", run.Output);
        Assert.Equal(1, run.Stats.Malformed);
        Assert.Equal((2L, MalformedKind.TooLong), run.Malformed.Single());
    }

    [Fact]
    public void A_header_is_handed_over_once_and_is_neither_a_row_nor_a_match()
    {
        var run = Scan("taxi_id,time,lon\r\n1,08:00,114.1\r\n2,08:01,114.2\r\n", "1");

        Assert.Equal("taxi_id,time,lon\r\n", run.Header);
        Assert.Equal("1,08:00,114.1\r\n", run.Output);
        Assert.Equal(2, run.Stats.Rows);
    }

    [Fact]
    public void A_UTF8_byte_order_mark_is_not_part_of_the_first_field_nor_of_the_output()
    {
        var run = Scan("\uFEFF1,a,b\n1,c,d\n", "1");

        Assert.Equal("1,a,b\n1,c,d\n", run.Output);
        Assert.Equal(Encoding.UTF8.GetByteCount("\uFEFF1,a,b\n1,c,d\n"), run.Stats.Bytes);
    }

    [Fact]
    public void A_quoted_file_keeps_a_row_with_quoted_line_breaks_whole_and_compares_the_unquoted_id()
    {
        const string input = "\"id\",\"note\",\"n\"\n\"7\",\"two\r\nlines, and \"\"quotes\"\"\",\"1\"\r\n\"8\",\"x\",\"2\"\n7,NA,3";
        var run = Scan(input, "7");

        Assert.Equal("\"id\",\"note\",\"n\"\n", run.Header);
        Assert.Equal("\"7\",\"two\r\nlines, and \"\"quotes\"\"\",\"1\"\r\n7,NA,3\n", run.Output);
        Assert.Equal(3, run.Stats.Rows);
        Assert.Equal(Encoding.UTF8.GetByteCount(input), run.Stats.Bytes);
    }

    [Fact]
    public void The_line_path_hands_over_to_the_quoted_path_at_the_first_quote_past_the_sample()
    {
        var plain = string.Concat(Enumerable.Range(0, 20000).Select(i => $"{i % 10},row {i},x\n"));
        const string quoted = "7,\"a quoted\nline break\",x\n7,after,x\n";
        var run = Scan(plain + quoted, "7");

        var expected = string.Concat(Enumerable.Range(0, 20000).Where(i => i % 10 == 7).Select(i => $"7,row {i},x\n")) + quoted;
        Assert.Equal(expected, run.Output);
        Assert.Equal(20002, run.Stats.Rows);
        Assert.Equal(Encoding.UTF8.GetByteCount(plain + quoted), run.Stats.Bytes);
    }

    [Fact]
    public void A_bounded_byte_range_of_a_quoted_file_ends_as_quote_in_range_without_a_row()
    {
        var input = Encoding.UTF8.GetBytes("\"id\",\"note\"\n\"7\",\"a\"\n\"8\",\"b\"\n\"7\",\"c\"\n");
        var sink = new RecordingSink();

        var result = new UnitScanner(new MatchSpec { Ids = ["7"] }).Scan(new MemoryStream(input), new ByteRange(0, 20), everyRow: false, sink, CancellationToken.None);

        Assert.Equal(ScanEnd.QuoteInRange, result.End);
        Assert.True(result.QuoteInRange);
        Assert.Empty(sink.Rows.ToArray());
    }

    [Fact]
    public void A_quote_past_the_sample_ends_a_bounded_range_as_quote_in_range_and_the_open_tail_reads_it()
    {
        var plain = string.Concat(Enumerable.Range(0, 20000).Select(i => $"{i % 10},row {i},x\n"));
        const string quoted = "7,\"a quoted\nline break\",x\n7,after,x\n";
        var input = Encoding.UTF8.GetBytes(plain + quoted);
        var scanner = new UnitScanner(new MatchSpec { Ids = ["7"] });

        var bounded = scanner.Scan(new MemoryStream(input), new ByteRange(0, input.Length), everyRow: false, new RecordingSink(), CancellationToken.None);
        var tailSink = new RecordingSink();
        var tail = scanner.Scan(new MemoryStream(input), new ByteRange(0, long.MaxValue), everyRow: false, tailSink, CancellationToken.None);

        Assert.Equal(ScanEnd.QuoteInRange, bounded.End);
        Assert.Equal(ScanEnd.Finished, tail.End);
        Assert.Equal(20002, tail.Stats.Rows);
        var expected = string.Concat(Enumerable.Range(0, 20000).Where(i => i % 10 == 7).Select(i => $"7,row {i},x\n")) + quoted;
        Assert.Equal(expected, Encoding.UTF8.GetString(tailSink.Rows.ToArray()));
    }

    [Fact]
    public void A_bounded_byte_range_without_a_quote_is_read_to_its_end()
    {
        var input = Encoding.UTF8.GetBytes("7,a\n8,b\n7,c\n9,d\n");
        var sink = new RecordingSink();

        var result = new UnitScanner(new MatchSpec { Ids = ["7"] }).Scan(new MemoryStream(input), new ByteRange(0, 8), everyRow: false, sink, CancellationToken.None);

        Assert.Equal(ScanEnd.Finished, result.End);
        Assert.Equal(2, result.Stats.Rows);
        Assert.Equal("7,a\n", Encoding.UTF8.GetString(sink.Rows.ToArray()));
    }

    [Fact]
    public void A_broken_quote_does_not_swallow_the_rest_of_the_file()
    {
        const string input = "\"1\",\"ok\",\"x\"\n\"1\",\"broken,\"x\"\n\"1\",\"after\",\"x\"\n\"2\",\"other\",\"x\"\n\"1\",\"last\",\"x\"\n";
        var run = Scan(input, "1");

        Assert.Equal("\"1\",\"ok\",\"x\"\n\"1\",\"after\",\"x\"\n\"1\",\"last\",\"x\"\n", run.Output);
        Assert.Equal((2L, MalformedKind.UnterminatedQuote), run.Malformed.Single());
        Assert.Equal(5, run.Stats.Rows);
    }

    [Fact]
    public void A_column_name_is_resolved_in_the_files_header_and_a_missing_one_rejects_the_file()
    {
        const string input = "name,TAXI_ID\nx,5\ny,6\n";

        Assert.Equal("y,6\n", Scan(input, "6", new MatchSpec { Ids = ["6"], Column = new ColumnChoice(0, "TAXI_ID") }).Output);
        var rejected = Assert.Throws<UnitRejectedException>(() => Scan(input, "6", new MatchSpec { Ids = ["6"], Column = new ColumnChoice(0, "VEHICLE") }));
        Assert.Contains("no column named 'VEHICLE'", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_row_of_a_file_selected_by_its_path_is_printed_but_not_its_header()
    {
        var run = Scan("lat lon occ time\n37.7 -122.4 0 1211033530\n37.8 -122.5 1 1211033590", "x", everyRow: true);

        Assert.Equal("37.7 -122.4 0 1211033530\n37.8 -122.5 1 1211033590\n", run.Output);
        Assert.Equal(2, run.Stats.Matched);
    }

    private static ScanRun Scan(string input, string id, MatchSpec? spec = null, bool everyRow = false)
    {
        var sink = new RecordingSink();
        var scanner = new UnitScanner(spec ?? new MatchSpec { Ids = [id] });
        var stats = scanner.Scan(new MemoryStream(Encoding.UTF8.GetBytes(input)), everyRow, sink, CancellationToken.None);
        return new ScanRun(Encoding.UTF8.GetString(sink.Rows.ToArray()), sink.Header, sink.Malformed, stats);
    }

    private sealed record ScanRun(string Output, string? Header, List<(long Line, MalformedKind Kind)> Malformed, UnitStats Stats);
}
