using System.Text;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// Issue 3 ("every real taxi GPS format") on each dataset of <c>shared/data/real</c>: the counts recorded in
/// its PROVENANCE.md, with the dialect detected and with it stated explicitly, and stdout byte-identical to
/// an independent reading of the fixture (plain line splitting, or <see cref="ReferenceMatcher"/> for the
/// quoted Porto CSV).
/// </summary>
public class RealDatasetTests
{
    private const string CabIdFromFileName = @"new_([a-z]+)\.txt$";

    private static string TDrive => Path.Combine(RepoPaths.RealData, "tdrive_beijing");

    private static string PortoFile => Path.Combine(RepoPaths.RealData, "porto_ecml_pkdd2015", "train.1k.csv");

    private static string RomeFile => Path.Combine(RepoPaths.RealData, "rome_crawdad", "medium_raw_taxi_trace.csv");

    private static string Cabspotting => Path.Combine(RepoPaths.RealData, "cabspotting_sf");

    private static string[] TDriveFiles => [Path.Combine(TDrive, "1.txt"), Path.Combine(TDrive, "2.txt")];

    /// <summary>(id options, rows in PROVENANCE.md, dialect options; "" = detected).</summary>
    public static TheoryData<string, int, string> TDriveCases => Cases(
        [("--id 1", 588), ("--id 2", 1674), ("--id 1,2", 2262), ("--id 12", 0)],
        ["", "-d , --no-header -c 1"]);

    public static TheoryData<string, int, string> RomeCases => Cases(
        [("--id 331", 106), ("--id 2", 103), ("--id 37", 98), ("--id 2 --id 331 -i 37", 307), ("--id 3", 0), ("--id 22", 0)],
        ["", "-d ; --no-header"]);

    public static TheoryData<string, int, string> PortoCases => Cases(
        [("--id 20000403", 15), ("--id 20000320", 11), ("--id 20000589", 4), ("--id 20000403,20000320,20000589", 30)],
        ["-c TAXI_ID", "-c 5 -d , --header"]);

    [Theory]
    [MemberData(nameof(TDriveCases))]
    public void TDrive_CRLF_rows_give_the_provenance_counts_byte_for_byte(string idOptions, int rows, string dialect)
    {
        var expected = LinesWhoseFirstFieldIs(TDriveFiles, (byte)',', IdsOf(idOptions));

        var result = Find(idOptions, dialect, TDrive);

        AssertRows(rows, expected, result);
    }

    [Theory]
    [MemberData(nameof(RomeCases))]
    public void Rome_semicolon_rows_give_the_provenance_counts_byte_for_byte(string idOptions, int rows, string dialect)
    {
        var expected = LinesWhoseFirstFieldIs([RomeFile], (byte)';', IdsOf(idOptions));

        var result = Find(idOptions, dialect, RomeFile);

        AssertRows(rows, expected, result);
    }

    [Fact]
    public void Rome_ids_from_a_file_with_comments_and_blank_lines_give_the_sum_of_their_counts()
    {
        using var dir = new TempDir();
        var ids = dir.Create("ids.txt", "# Rome taxis counted in PROVENANCE.md\n2\n\n331\n# 3 is absent\n37\n");
        var expected = LinesWhoseFirstFieldIs([RomeFile], (byte)';', new HashSet<string> { "2", "331", "37" });

        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--ids-file", ids, RomeFile);

        AssertRows(307, expected, result);
    }

    [Theory]
    [MemberData(nameof(PortoCases))]
    public void Porto_quoted_taxi_ids_give_the_provenance_counts_after_the_header_once(string idOptions, int rows, string dialect)
    {
        var reference = new ReferenceMatcher(',', hasHeader: true, column: 5, IdsOf(idOptions));
        var input = File.ReadAllBytes(PortoFile);
        Assert.Equal(rows, reference.Read(input).Matches.Count);

        var result = Find(idOptions, dialect, PortoFile);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("\"TRIP_ID\",\"CALL_TYPE\",", result.StdoutText, StringComparison.Ordinal);
        Assert.Equal(rows + 1, result.StdoutLines.Length);
        BytesAssert.Equal(reference.ExpectedOutput([input]), result.Stdout, result);
    }

    [Fact]
    public void Porto_numeric_ids_ignore_zero_padding_inside_quotes()
    {
        var input = File.ReadAllBytes(PortoFile);
        var expected = new ReferenceMatcher(',', hasHeader: true, column: 5, ["20000403"]).ExpectedOutput([input]);

        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--numeric", "--id", "020000403", "-c", "TAXI_ID", PortoFile);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(15 + 1, result.StdoutLines.Length);
        BytesAssert.Equal(expected, result.Stdout, result);
    }

    [Fact]
    public void Porto_without_header_output_gives_only_the_4_records()
    {
        var input = File.ReadAllBytes(PortoFile);
        var expected = new ReferenceMatcher(',', hasHeader: true, column: 5, ["20000589"]).ExpectedOutput([input], headerOutput: false);

        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "20000589", "-c", "TAXI_ID", "--no-header-output", PortoFile);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, result.StdoutLines.Length);
        BytesAssert.Equal(expected, result.Stdout, result);
    }

    [Fact]
    public void Porto_with_no_matching_trip_prints_not_even_the_header_and_exits_1()
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "20000000", "-c", "TAXI_ID", PortoFile);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Porto_default_column_is_TRIP_ID_whose_taxi_id_suffix_is_not_a_match()
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "20000589", PortoFile);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void A_column_name_missing_from_some_files_is_an_error_for_those_files_only()
    {
        var input = File.ReadAllBytes(PortoFile);
        var expected = new ReferenceMatcher(',', hasHeader: true, column: 5, ["20000589"]).ExpectedOutput([input]);

        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "20000589", "-c", "TAXI_ID", PortoFile, TDrive);

        Assert.True(result.ExitCode == 2, result.ToString());
        BytesAssert.Equal(expected, result.Stdout, result);
        Assert.Contains("1.txt", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("2.txt", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_name_in_no_header_is_an_error_with_nothing_on_stdout()
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "20000589", "-c", "NO_SUCH_COLUMN", PortoFile);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Contains("train.1k.csv", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-d space --no-header")]
    public void Cabspotting_rows_hold_no_cab_id_so_a_content_search_finds_nothing(string dialect)
    {
        var result = Find("--id abboip", dialect, Cabspotting);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-d space --no-header")]
    public void Cabspotting_id_from_the_file_name_prints_the_whole_23495_row_file(string dialect)
    {
        var expected = File.ReadAllBytes(Path.Combine(Cabspotting, "new_abboip.txt"));
        Assert.Equal(23495, expected.Count(b => b == (byte)'\n'));

        var result = Find("--id abboip --id-from-path " + CabIdFromFileName, dialect, Cabspotting);

        Assert.True(result.ExitCode == 0, result.ToString());
        BytesAssert.Equal(expected, result.Stdout, result);
    }

    [Fact]
    public void Cabspotting_two_ids_from_file_names_print_both_files_in_sorted_order()
    {
        byte[] expected = [.. File.ReadAllBytes(Path.Combine(Cabspotting, "new_eotcue.txt")), .. File.ReadAllBytes(Path.Combine(Cabspotting, "new_mfeuer.txt"))];
        Assert.Equal(59 + 103, expected.Count(b => b == (byte)'\n'));

        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "mfeuer,eotcue", "--id-from-path", CabIdFromFileName, Cabspotting);

        Assert.True(result.ExitCode == 0, result.ToString());
        BytesAssert.Equal(expected, result.Stdout, result);
    }

    [Fact]
    public void All_real_datasets_at_once_detect_each_file_own_dialect()
    {
        // Id 2: 103 Rome rows and all 1,674 rows of T-Drive's 2.txt. Porto's first column (TRIP_ID) and
        // Cabspotting's (latitude) never hold it, and Porto, with no row, gives no header. Paths sort as
        // cabspotting_sf, porto_ecml_pkdd2015, rome_crawdad, tdrive_beijing.
        var ids = new HashSet<string> { "2" };
        byte[] expected = [.. LinesWhoseFirstFieldIs([RomeFile], (byte)';', ids), .. LinesWhoseFirstFieldIs(TDriveFiles, (byte)',', ids)];

        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--id", "2", RepoPaths.RealData);

        AssertRows(103 + 1674, expected, result);
    }

    [Theory]
    [InlineData("--glob *.csv", true, false)]
    [InlineData("--glob *.csv --glob !porto_ecml_pkdd2015/*", true, false)]
    [InlineData("--glob 2.txt", false, true)]
    [InlineData("--glob /tdrive_beijing/2.txt", false, true)]
    [InlineData("--glob *.csv --glob *.txt --glob !cabspotting_sf/*", true, true)]
    public void Globs_replace_the_extension_rule_and_match_names_or_relative_paths(string globs, bool rome, bool tdrive2)
    {
        // Id 2 occurs only in Rome (103 rows) and in T-Drive's 2.txt (1,674 rows).
        var ids = new HashSet<string> { "2" };
        byte[] expected =
        [
            .. rome ? LinesWhoseFirstFieldIs([RomeFile], (byte)';', ids) : [],
            .. tdrive2 ? LinesWhoseFirstFieldIs([Path.Combine(TDrive, "2.txt")], (byte)',', ids) : [],
        ];

        var result = TaxiScanRun.Run(RepoPaths.Root, ["find", "--id", "2", .. Words(globs), RepoPaths.RealData]);

        AssertRows((rome ? 103 : 0) + (tdrive2 ? 1674 : 0), expected, result);
    }

    private static TheoryData<string, int, string> Cases((string IdOptions, int Rows)[] queries, string[] dialects)
    {
        var data = new TheoryData<string, int, string>();
        foreach (var dialect in dialects)
        {
            foreach (var (idOptions, rows) in queries)
            {
                data.Add(idOptions, rows, dialect);
            }
        }

        return data;
    }

    private static TaxiScanResult Find(string idOptions, string dialect, string path) =>
        TaxiScanRun.Run(RepoPaths.Root, ["find", .. Words(idOptions), .. Words(dialect), path]);

    private static string[] Words(string options) => options.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The ids in options such as <c>--id 2 --id 331 -i 37</c> or <c>--id 1,2</c>.</summary>
    private static HashSet<string> IdsOf(string idOptions) =>
        [.. Words(idOptions).Where(word => !word.StartsWith('-')).SelectMany(word => word.Split(','))];

    /// <summary>
    /// The lines (with their own terminators; <c>\n</c> added to an unterminated last line) whose text before
    /// the first <paramref name="delimiter"/> is one of <paramref name="ids"/>: enough for unquoted data.
    /// </summary>
    private static byte[] LinesWhoseFirstFieldIs(IEnumerable<string> files, byte delimiter, IReadOnlySet<string> ids)
    {
        var output = new List<byte>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            for (var start = 0; start < bytes.Length;)
            {
                var newline = Array.IndexOf(bytes, (byte)'\n', start);
                var end = newline < 0 ? bytes.Length : newline + 1;
                var line = bytes.AsSpan(start, end - start);
                var cut = line.IndexOf(delimiter);
                if (cut >= 0 && ids.Contains(Encoding.ASCII.GetString(line[..cut])))
                {
                    output.AddRange(line);
                    if (newline < 0)
                    {
                        output.Add((byte)'\n');
                    }
                }

                start = end;
            }
        }

        return [.. output];
    }

    private static void AssertRows(int rows, byte[] expected, TaxiScanResult result)
    {
        Assert.Equal(rows, expected.Count(b => b == (byte)'\n'));
        Assert.True(result.ExitCode == (rows > 0 ? 0 : 1), result.ToString());
        BytesAssert.Equal(expected, result.Stdout, result);
    }
}
