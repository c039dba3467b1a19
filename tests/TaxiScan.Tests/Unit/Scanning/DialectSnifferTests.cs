using System.Text;
using TaxiScan.Model;
using TaxiScan.Scanning;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Unit.Scanning;

public class DialectSnifferTests
{
    [Theory]
    [InlineData("tdrive_beijing/1.txt", ',', false, false, 4)]
    [InlineData("porto_ecml_pkdd2015/train.1k.csv", ',', true, true, 9)]
    [InlineData("rome_crawdad/medium_raw_taxi_trace.csv", ';', false, false, 3)]
    [InlineData("cabspotting_sf/new_abboip.txt", ' ', false, false, 4)]
    public void Every_real_dataset_gets_its_documented_dialect(string file, char delimiter, bool quoted, bool header, int fields)
    {
        var dialect = Sniff(File.ReadAllBytes(Path.Combine(RepoPaths.RealData, file)), new MatchSpec { Ids = ["1"] });

        Assert.Equal(delimiter == ' ' ? DelimiterChoice.SpaceRuns : DelimiterChoice.Of((byte)delimiter), dialect.Delimiter);
        Assert.Equal(quoted, dialect.Quoted);
        Assert.Equal(header, dialect.HasHeader);
        Assert.Equal(fields, dialect.ExpectedFields);
    }

    [Theory]
    [InlineData("taxi_id,time,lon,lat\n11865,2015-02-01 00:00:10,114.1,22.5\n2,2015-02-01 00:00:11,114.2,22.6\n", true)]
    [InlineData("车辆编号,时间,经度\n11865,00:00:10,114.1\n2,00:00:11,114.2\n", true)]
    [InlineData("11865,2015-02-01 00:00:10,114.1\n2,2015-02-01 00:00:11,114.2\n", false)]
    [InlineData("11865,NA,NA\n2,2015-02-01 00:00:11,114.2\n3,2015-02-01 00:00:12,114.3\n", false)]
    [InlineData("abboip,x\nabboip,y\n", false)]
    [InlineData("id,lon\n", true)]
    public void A_header_is_a_line_of_names_over_data(string text, bool header)
    {
        Assert.Equal(header, Sniff(Encoding.UTF8.GetBytes(text), new MatchSpec { Ids = ["1"] }).HasHeader);
    }

    [Fact]
    public void The_delimiter_giving_most_consistent_fields_wins_and_blanks_come_last()
    {
        var rome = "156;2014-02-01 00:00:00.739166+01;POINT(41.88 12.48)\n187;2014-02-01 00:00:01.148457+01;POINT(41.91 12.46)\n"u8.ToArray();
        var pipe = "a|b|c,d\n1|2|3,4\n5|6|7,8\n"u8.ToArray();

        Assert.Equal(DelimiterChoice.Of((byte)';'), Sniff(rome, new MatchSpec { Ids = ["1"] }).Delimiter);
        Assert.Equal(DelimiterChoice.Of((byte)'|'), Sniff(pipe, new MatchSpec { Ids = ["1"] }).Delimiter);
    }

    [Fact]
    public void Explicit_options_win_over_detection()
    {
        var spec = new MatchSpec { Ids = ["1"], Delimiter = DelimiterChoice.Of((byte)';'), Header = HeaderChoice.Present, Column = new ColumnChoice(2, null) };
        var dialect = Sniff("a,b;c\n1,2;3\n"u8.ToArray(), spec);

        Assert.Equal(DelimiterChoice.Of((byte)';'), dialect.Delimiter);
        Assert.True(dialect.HasHeader);
        Assert.Equal(1, dialect.IdColumn);
    }

    [Fact]
    public void Garbage_gets_a_warning_and_no_quoting()
    {
        var garbage = new byte[20000];
        new Random(7).NextBytes(garbage);
        var result = DialectSniffer.Sniff(garbage, wholeFile: true, new MatchSpec { Ids = ["1"] }, Encoding.UTF8);

        Assert.NotNull(result.Dialect);
        Assert.False(result.Dialect.Quoted);
        Assert.True(result.Dialect.DelimiterGuessed);
        Assert.Contains(result.Warnings, w => w.Contains("no consistent delimiter", StringComparison.Ordinal));
    }

    [Fact]
    public void A_column_number_past_the_rows_fields_is_an_error_for_the_file()
    {
        var result = DialectSniffer.Sniff("1,a\n2,b\n"u8, wholeFile: true, new MatchSpec { Ids = ["1"], Column = new ColumnChoice(5, null) }, Encoding.UTF8);

        Assert.Null(result.Dialect);
        Assert.Equal("rows have 2 fields, so there is no column 5", result.Error);
    }

    private static Dialect Sniff(byte[] bytes, MatchSpec spec)
    {
        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, DialectSniffer.SampleBytes));
        var result = DialectSniffer.Sniff(sample, wholeFile: bytes.Length <= DialectSniffer.SampleBytes, spec, Encoding.UTF8);
        Assert.True(result.Dialect is not null, result.Error);
        return result.Dialect;
    }
}
