using System.IO.Compression;
using System.Text;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// Issue 3 on gen.py sets in every encoding and layout it makes (UTF-8, GBK, GB18030, GB2312; CRLF, English
/// or Chinese header, BOM, no final newline), and on the same data gzipped, zipped, piped to stdin, or next
/// to a file of garbage. Counts come from expected.json, rows from expected_rows*.csv; the exact bytes
/// (CRLF, header) from <see cref="ReferenceMatcher"/>, which is first checked against those rows.
/// </summary>
public class GeneratedVariantsTests
{
    private const string Plain = "--files 4 --size 2M --seed 31 --encoding utf-8";
    private const string HeaderEnCrlf = "--files 4 --size 2M --seed 32 --encoding utf-8 --crlf --header en";
    private const string GbkHeaderZhCrlf = "--files 4 --size 2M --seed 35 --encoding gbk --header zh --crlf";

    private static readonly string[] AllSets =
    [
        Plain,
        HeaderEnCrlf,
        "--files 4 --size 2M --seed 33 --encoding utf-8 --bom --header zh --no-final-newline",
        "--files 4 --size 2M --seed 34 --encoding utf-8 --bom --crlf",
        GbkHeaderZhCrlf,
        "--files 4 --size 2M --seed 36 --encoding gbk --no-final-newline",
        "--files 4 --size 2M --seed 37 --encoding gb18030 --header zh --crlf --no-final-newline",
        "--files 4 --size 2M --seed 38 --encoding gb18030 --header en",
        "--files 4 --size 2M --seed 39 --encoding gb2312 --header zh",
    ];

    static GeneratedVariantsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string> Sets => [.. AllSets];

    public static TheoryData<string> HeaderSets => [.. AllSets.Where(set => set.Contains("--header", StringComparison.Ordinal))];

    public static TheoryData<string> ChineseEncodedSets => [.. AllSets.Where(set => !set.Contains("utf-8", StringComparison.Ordinal))];

    public static TheoryData<string, bool> SetsExactAndNumeric
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var set in AllSets)
            {
                data.Add(set, false);
                data.Add(set, true);
            }

            return data;
        }
    }

    // Exact ids must give count_exact and expected_rows.csv; --numeric, count_numeric and expected_rows_numeric.csv.
    [Theory]
    [MemberData(nameof(SetsExactAndNumeric))]
    public void Ids_give_the_generators_count_and_expected_rows(string arguments, bool numeric)
    {
        var set = GeneratedSet.Get(arguments);
        var (count, expectedRows) = numeric ? (set.CountNumeric, set.ExpectedRowsNumeric) : (set.CountExact, set.ExpectedRows);
        var expected = ReferenceOutput(set, numeric);
        Assert.Equal(expectedRows, RowsOnly(set, expected));

        var result = TaxiScanRun.Run(RepoPaths.Root, ["find", .. numeric ? new[] { "--numeric" } : [], "--id", set.Target, .. EncodingOptions(set), set.CsvDirectory]);

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertHeaderOnceAndNoBom(set, result);
        Assert.Equal(count, RowsOnly(set, result.Stdout).Count(b => b == (byte)'\n'));
        BytesAssert.Equal(expectedRows, RowsOnly(set, result.Stdout), result);
        BytesAssert.Equal(expected, result.Stdout, result);
    }

    [Theory]
    [MemberData(nameof(HeaderSets))]
    public void No_header_output_leaves_only_the_rows(string arguments)
    {
        var set = GeneratedSet.Get(arguments);
        var expected = new ReferenceMatcher(',', hasHeader: true, column: 1, [set.Target]).ExpectedOutput(ReadFiles(set), headerOutput: false);

        var result = TaxiScanRun.Run(RepoPaths.Root, ["find", "--id", set.Target, "--no-header-output", .. EncodingOptions(set), set.CsvDirectory]);

        Assert.True(result.ExitCode == 0, result.ToString());
        BytesAssert.Equal(set.ExpectedRows, Without(result.Stdout, (byte)'\r'), result);
        BytesAssert.Equal(expected, result.Stdout, result);
    }

    [Theory]
    [MemberData(nameof(ChineseEncodedSets))]
    public void Output_encoding_utf8_gives_the_expected_rows_as_utf8(string arguments)
    {
        var set = GeneratedSet.Get(arguments);
        var encoding = Encoding.GetEncoding(set.EncodingName);
        var expected = Encoding.UTF8.GetBytes(encoding.GetString(ReferenceOutput(set, numeric: false)));
        var expectedRows = Encoding.UTF8.GetBytes(encoding.GetString(set.ExpectedRows));

        var result = TaxiScanRun.Run(RepoPaths.Root, ["find", "--id", set.Target, "--output-encoding", "utf-8", .. EncodingOptions(set), set.CsvDirectory]);

        Assert.True(result.ExitCode == 0, result.ToString());
        BytesAssert.Equal(expectedRows, RowsOnly(set, result.Stdout), result);
        BytesAssert.Equal(expected, result.Stdout, result);
    }

    [Theory]
    [InlineData(Plain, "-d , --no-header -c 1")]
    [InlineData(HeaderEnCrlf, "-d , --header -c 1")]
    [InlineData(GbkHeaderZhCrlf, "--delimiter , --header --column 1")]
    public void Explicit_dialect_options_give_the_same_bytes_as_detection(string arguments, string dialect)
    {
        var set = GeneratedSet.Get(arguments);

        var result = TaxiScanRun.Run(RepoPaths.Root, ["find", "--id", set.Target, .. dialect.Split(' '), .. EncodingOptions(set), set.CsvDirectory]);

        Assert.True(result.ExitCode == 0, result.ToString());
        BytesAssert.Equal(ReferenceOutput(set, numeric: false), result.Stdout, result);
    }

    [Theory]
    [InlineData(Plain)]
    [InlineData(HeaderEnCrlf)]
    public void Gzipped_copies_give_the_same_bytes_as_the_plain_files(string arguments)
    {
        var set = GeneratedSet.Get(arguments);
        using var dir = new TempDir();
        foreach (var file in set.CsvFiles)
        {
            using var gz = new GZipStream(File.Create(dir.Combine(Path.GetFileName(file) + ".gz")), CompressionLevel.Fastest);
            gz.Write(File.ReadAllBytes(file));
        }

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", set.Target, ".");

        Assert.True(result.ExitCode == 0, result.ToString());
        BytesAssert.Equal(ReferenceOutput(set, numeric: false), result.Stdout, result);
    }

    [Theory]
    [InlineData(Plain)]
    [InlineData(HeaderEnCrlf)]
    public void Zip_members_are_inputs_of_their_own_and_give_the_same_bytes_as_the_plain_files(string arguments)
    {
        var set = GeneratedSet.Get(arguments);
        using var dir = new TempDir();
        using (var zip = ZipFile.Open(dir.Combine("set.zip"), ZipArchiveMode.Create))
        {
            foreach (var file in set.CsvFiles)
            {
                zip.CreateEntryFromFile(file, Path.GetFileName(file), CompressionLevel.Fastest);
            }
        }

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", set.Target, ".");

        Assert.True(result.ExitCode == 0, result.ToString());
        BytesAssert.Equal(ReferenceOutput(set, numeric: false), result.Stdout, result);
    }

    [Fact]
    public void Dash_reads_the_concatenated_files_from_stdin()
    {
        var set = GeneratedSet.Get(Plain);
        byte[] input = [.. set.CsvFiles.SelectMany(File.ReadAllBytes)];
        using var dir = new TempDir();

        var result = TaxiScanRun.RunWithInput(dir.Path, input, "find", "--id", set.Target, "-");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(set.CountExact, result.StdoutLines.Length);
        BytesAssert.Equal(set.ExpectedRows, result.Stdout, result);
    }

    [Fact]
    public void A_megabyte_of_random_garbage_beside_the_set_is_skipped_in_one_line_and_every_expected_row_still_printed()
    {
        var set = GeneratedSet.Get(Plain);
        using var dir = new TempDir();
        foreach (var file in set.CsvFiles)
        {
            File.Copy(file, dir.Combine(Path.GetFileName(file)));
        }

        var garbage = new byte[1 << 20];
        new Random(20150201).NextBytes(garbage);
        Assert.True(garbage.AsSpan().IndexOf("11865"u8) < 0, "the garbage itself must not hold the target");

        // Sorts between 2015-02-01.csv and 2015-02-02.csv, so files after it must still be scanned.
        dir.Create("2015-02-01.garbage.csv", garbage);

        var result = TaxiScanRun.Run(dir.Path, "find", "--id", set.Target, ".");

        Assert.True(result.ExitCode == 0, result.ToString());
        BytesAssert.Equal(set.ExpectedRows, result.Stdout, result);
        Assert.Equal(
            ["taxiscan: ./2015-02-01.garbage.csv: skipped: binary data, not text (most of its first 64 KiB is in lines with NUL bytes)"],
            result.Stderr.Split('\n').Where(line => line.Contains("garbage", StringComparison.Ordinal)));
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    private static string[] EncodingOptions(GeneratedSet set) => set.EncodingName == "utf-8" ? [] : ["--encoding", set.EncodingName];

    private static IEnumerable<byte[]> ReadFiles(GeneratedSet set) => set.CsvFiles.Select(File.ReadAllBytes);

    private static byte[] ReferenceOutput(GeneratedSet set, bool numeric) =>
        new ReferenceMatcher(',', set.HasHeader, column: 1, [set.Target], numeric).ExpectedOutput(ReadFiles(set));

    /// <summary>The header line as the first file has it (after any BOM), with its terminator.</summary>
    private static byte[] HeaderLine(GeneratedSet set)
    {
        var first = File.ReadAllBytes(set.CsvFiles[0]);
        var start = ReferenceCsv.BodyStart(first);
        return first[start..(Array.IndexOf(first, (byte)'\n', start) + 1)];
    }

    /// <summary>What expected_rows.csv holds: no <c>\r</c>, no header line.</summary>
    private static byte[] RowsOnly(GeneratedSet set, byte[] output)
    {
        var rows = Without(output, (byte)'\r');
        return set.HasHeader && rows.Length > 0 ? rows[(Array.IndexOf(rows, (byte)'\n') + 1)..] : rows;
    }

    private static byte[] Without(byte[] bytes, byte unwanted) => [.. bytes.Where(b => b != unwanted)];

    private static void AssertHeaderOnceAndNoBom(GeneratedSet set, TaxiScanResult result)
    {
        Assert.True(result.Stdout.AsSpan().IndexOf("\uFEFF"u8) < 0, "a BOM in the output\n" + result);
        if (!set.HasHeader)
        {
            return;
        }

        var header = HeaderLine(set);
        Assert.True(result.Stdout.AsSpan().StartsWith(header), "the output must start with the header line\n" + result);
        Assert.True(result.Stdout.AsSpan(header.Length).IndexOf(header) < 0, "the header line must appear once\n" + result);
    }
}
