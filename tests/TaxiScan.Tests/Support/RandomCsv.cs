using System.Globalization;
using System.Text;

namespace TaxiScan.Tests.Support;

/// <summary>One generated input: its file name, its bytes, and (for clean files) the records it was built from.</summary>
internal sealed record RandomCsvFile(string Name, byte[] Bytes, IReadOnlyList<string[]>? Records);

/// <summary>
/// A directory's worth of random CSV files that share one dialect (delimiter, header or not, id column)
/// and one query (ids, exact or numeric), plus the taxiscan arguments that state that dialect explicitly.
/// </summary>
internal sealed record RandomCsvBatch(
    int Seed,
    char Delimiter,
    bool HasHeader,
    int Column,
    bool Numeric,
    IReadOnlyList<string> Ids,
    IReadOnlyList<string> IdArguments,
    int Workers,
    IReadOnlyList<RandomCsvFile> Files,
    IReadOnlySet<string> Corrupted)
{
    public ReferenceMatcher Reference => new(Delimiter, HasHeader, Column, Ids, Numeric);

    public IEnumerable<RandomCsvFile> FilesInOutputOrder => Files.OrderBy(file => file.Name, StringComparer.Ordinal);

    public string DelimiterArgument => Delimiter == '\t' ? "tab" : Delimiter.ToString();

    /// <summary><c>find</c> with every dialect option explicit, then <paramref name="extra"/>, then <c>.</c>.</summary>
    public string[] Arguments(params string[] extra) =>
    [
        "find", .. IdArguments,
        "-d", DelimiterArgument,
        HasHeader ? "--header" : "--no-header",
        "-c", Column.ToString(CultureInfo.InvariantCulture),
        .. Numeric ? new[] { "--numeric" } : [],
        "--workers", Workers.ToString(CultureInfo.InvariantCulture),
        .. extra,
        ".",
    ];

    public byte[] ExpectedOutput() => Reference.ExpectedOutput(FilesInOutputOrder.Select(file => file.Bytes));

    public void WriteTo(string directory)
    {
        foreach (var file in Files)
        {
            File.WriteAllBytes(Path.Combine(directory, file.Name), file.Bytes);
        }
    }

    /// <summary>What reproduces the batch, for failure messages.</summary>
    public override string ToString() =>
        $"seed {Seed}: delimiter {DelimiterArgument}, header {HasHeader}, column {Column}, numeric {Numeric}, ids [{string.Join(", ", Ids)}], " +
        $"{Files.Count} files, corrupted [{string.Join(", ", Corrupted.Order(StringComparer.Ordinal))}]";
}

/// <summary>
/// Fixed-seed random CSV files for property tests: RFC 4180 quoting (doubled quotes, embedded delimiters
/// and line breaks), LF/CRLF/mixed line ends, optional header, missing final newline, ids from a small
/// pool of near-misses (zero-padded, signed, blank-padded, prefixes, non-integers); and a corrupter that
/// adds short rows, NUL bytes, garbage lines, unterminated quotes and multi-megabyte lines.
/// </summary>
internal static class RandomCsv
{
    private static readonly char[] Delimiters = [',', ';', '\t', '|'];

    private static readonly string[] ExactQueries = ["11865", "7", "粤B11865", "abc"];

    private static readonly string[] NumericQueries = ["11865", "7", "011865", "007"];

    /// <summary>Values of the id column: the query ids and their traps.</summary>
    private static readonly string[] IdPool =
    [
        "11865", "011865", "0011865", "+11865", " 11865", "11865 ", "-11865", "11865.0", "1186", "118650", "111865",
        "1_1865", "00000000000000000000011865", "7", "07", "+7", "-7", " 7 ", "17", "70", "0x7", "", "粤B11865",
        "粤B1186", "abc", "ABC", "abcd", "99999999999999999999999",
    ];

    private static readonly string[] IdColumnNames = ["id", "taxi_id", "VehicleNum", "车辆编号", "\"the\" id"];

    private static readonly string[] OtherColumnNames = ["time", "lon", "lat", "speed", "plate", "a,b", "x;y", "p|q"];

    private static readonly string[] Extensions = ["csv", "txt", "tsv", "psv", "dat"];

    public static RandomCsvBatch Batch(int seed)
    {
        var rng = new Random(seed);
        var delimiter = Delimiters[rng.Next(Delimiters.Length)];
        var hasHeader = rng.Next(2) == 0;
        var column = rng.Next(1, 5);
        var numeric = rng.Next(3) == 0;
        var queries = numeric ? NumericQueries : ExactQueries;
        var ids = queries.OrderBy(_ => rng.Next()).Take(rng.Next(1, 3)).ToList();
        string[] idArguments = rng.Next(3) switch
        {
            0 => ["--id", string.Join(',', ids)],
            1 => [.. ids.SelectMany(id => new[] { "--id", id })],
            _ => [.. ids.SelectMany(id => new[] { "-i", id })],
        };

        // A header whose id column is named like a query id must still never count as a row.
        var headerIdName = rng.Next(5) == 0 ? ids[0] : IdColumnNames[rng.Next(IdColumnNames.Length)];
        var files = new List<RandomCsvFile>();
        var fileCount = rng.Next(5, 11);
        for (var i = 0; i < fileCount; i++)
        {
            var name = $"f{i:D2}.{Extensions[rng.Next(Extensions.Length)]}";
            files.Add(File(rng, name, delimiter, hasHeader, column, ids, headerIdName));
        }

        return new RandomCsvBatch(seed, delimiter, hasHeader, column, numeric, ids, idArguments, (seed % 3) + 1, files, new HashSet<string>());
    }

    /// <summary>
    /// The same batch with about half its files (at least one) made dirty. One dirty file gets no stray
    /// quotes but ends in a quote that never closes, so <c>--strict</c> surely has a malformed row to refuse.
    /// </summary>
    public static RandomCsvBatch Corrupt(RandomCsvBatch clean)
    {
        var rng = new Random(checked((clean.Seed * 7919) + 17));
        var forced = rng.Next(clean.Files.Count);
        var files = new List<RandomCsvFile>();
        var corrupted = new HashSet<string>();
        for (var i = 0; i < clean.Files.Count; i++)
        {
            var file = clean.Files[i];
            if (i != forced && rng.Next(2) == 0)
            {
                files.Add(file);
                continue;
            }

            var bytes = i == forced
                ? CorruptBytes(rng, file.Bytes, clean, quoteFree: true, unterminatedAtEnd: true, longLine: clean.Seed % 6 == 0)
                : CorruptBytes(rng, file.Bytes, clean, quoteFree: false, unterminatedAtEnd: rng.Next(2) == 0, longLine: false);
            files.Add(file with { Bytes = bytes, Records = null });
            corrupted.Add(file.Name);
        }

        return clean with { Files = files, Corrupted = corrupted };
    }

    private static RandomCsvFile File(Random rng, string name, char delimiter, bool hasHeader, int column, List<string> ids, string headerIdName)
    {
        var fieldCount = rng.Next(Math.Max(2, column), column + 4);
        var records = new List<string[]>();
        if (hasHeader)
        {
            records.Add([.. Enumerable.Range(1, fieldCount).Select(c => c == column ? headerIdName : OtherColumnNames[rng.Next(OtherColumnNames.Length)])]);
        }

        var rows = rng.Next(0, 30);
        if (!hasHeader && rows == 0)
        {
            rows = 1;
        }

        for (var r = 0; r < rows; r++)
        {
            records.Add([.. Enumerable.Range(1, fieldCount).Select(c => c == column ? IdValue(rng, ids) : OtherValue(rng, delimiter))]);
        }

        var lineEnds = rng.Next(3); // 0: LF, 1: CRLF, 2: mixed
        var finalNewline = rng.Next(4) != 0;
        var text = new StringBuilder();
        for (var r = 0; r < records.Count; r++)
        {
            text.AppendJoin(delimiter, records[r].Select(field => Quote(rng, field, delimiter)));
            if (r < records.Count - 1 || finalNewline)
            {
                text.Append(lineEnds == 1 || (lineEnds == 2 && rng.Next(2) == 0) ? "\r\n" : "\n");
            }
        }

        return new RandomCsvFile(name, Encoding.UTF8.GetBytes(text.ToString()), records);
    }

    private static string IdValue(Random rng, List<string> ids) =>
        rng.Next(100) < 35 ? ids[rng.Next(ids.Count)] : IdPool[rng.Next(IdPool.Length)];

    private static string OtherValue(Random rng, char delimiter) => rng.Next(12) switch
    {
        0 => "",
        1 => "114." + rng.Next(1_000_000).ToString("D6", CultureInfo.InvariantCulture),
        2 => "2015-02-01 00:00:" + rng.Next(60).ToString("D2", CultureInfo.InvariantCulture),
        3 => "粤B" + rng.Next(100_000).ToString("D5", CultureInfo.InvariantCulture),
        4 => $"a{delimiter}b",
        5 => "say \"hi\"",
        6 => "line one\nline two",
        7 => "line one\r\nline two",
        8 => IdPool[rng.Next(IdPool.Length)],
        9 => "x,y;z|w\tv",
        10 => " padded ",
        _ => "\"",
    };

    /// <summary>Quotes a field when RFC 4180 requires it, and now and then when it does not.</summary>
    private static string Quote(Random rng, string field, char delimiter)
    {
        var needsQuotes = field.Contains(delimiter) || field.Contains('"') || field.Contains('\r') || field.Contains('\n');
        return needsQuotes || rng.Next(100) < 15 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    private static byte[] CorruptBytes(Random rng, byte[] clean, RandomCsvBatch batch, bool quoteFree, bool unterminatedAtEnd, bool longLine)
    {
        var delimiter = batch.Delimiter.ToString();
        byte[] input = clean.Length > 0 && clean[^1] != (byte)'\n' ? [.. clean, (byte)'\n'] : clean;
        var records = ReferenceCsv.Split(input, checked((byte)batch.Delimiter));

        // The header stays intact: it is what the output starts with.
        var floor = batch.HasHeader && records.Count > 0 ? records[0].End : 0;
        var boundaries = records.Select(record => record.Start).Where(start => start >= floor).Append(input.Length).ToList();
        var fieldCount = records.Count > 0 ? records[0].Fields.Count : 2;
        var insertions = new List<(int Position, byte[] Bytes)>();
        int Boundary() => boundaries[rng.Next(boundaries.Count)];

        for (var op = rng.Next(1, 5); op > 0; op--)
        {
            switch (rng.Next(quoteFree ? 2 : 4))
            {
                case 0:
                    var shortFields = Enumerable.Range(1, rng.Next(1, fieldCount)).Select(c => c == batch.Column ? IdValue(rng, [.. batch.Ids]) : "s");
                    insertions.Add((Boundary(), Encoding.UTF8.GetBytes(string.Join(delimiter, shortFields) + "\n")));
                    break;
                case 1:
                    insertions.Add((rng.Next(floor, input.Length + 1), new byte[rng.Next(1, 4)]));
                    break;
                case 2:
                    var garbage = new byte[rng.Next(1, 300)];
                    rng.NextBytes(garbage);
                    insertions.Add((Boundary(), [.. garbage.Select(b => b == (byte)'\n' ? (byte)0xFF : b), (byte)'\n']));
                    break;
                default:
                    insertions.Add((Boundary(), Encoding.UTF8.GetBytes("\"" + batch.Ids[0] + delimiter + "opened here\n")));
                    break;
            }
        }

        if (longLine)
        {
            insertions.Add((Boundary(), Encoding.UTF8.GetBytes(batch.Ids[0] + delimiter + new string('x', 2_500_000) + "\n")));
        }

        var output = new List<byte>(input);
        foreach (var (position, bytes) in insertions.OrderByDescending(insertion => insertion.Position))
        {
            output.InsertRange(position, bytes);
        }

        if (unterminatedAtEnd)
        {
            // On a line of its own, so the quote opens a field and is never closed.
            var prefix = output.Count > 0 && output[^1] != (byte)'\n' ? "\n" : "";
            output.AddRange(Encoding.UTF8.GetBytes(prefix + "\"" + batch.Ids[0] + delimiter + "never closed"));
        }

        return [.. output];
    }
}
