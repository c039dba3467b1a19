using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TaxiScan.Tests.Support;

/// <summary>
/// A synthetic Shenzhen-style data set made by <c>shared/bench/gen.py</c> (traps built in), with its
/// <c>expected_rows.csv</c>, <c>expected_rows_numeric.csv</c> and <c>expected.json</c> (which also records
/// the encoding, header, line ends, BOM and final newline it was made with). Each distinct set is
/// generated once per test run.
/// </summary>
internal sealed class GeneratedSet
{
    private static readonly Dictionary<string, GeneratedSet> Cache = [];
    private static readonly Lock CacheGate = new();

    private GeneratedSet(string directory)
    {
        Directory = directory;
        using var expected = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(directory, "expected.json")));
        var root = expected.RootElement;
        CountExact = root.GetProperty("count_exact").GetInt32();
        CountNumeric = root.GetProperty("count_numeric").GetInt32();
        Target = root.GetProperty("target").GetString()!;
        EncodingName = root.GetProperty("encoding").GetString()!;
        HasHeader = root.GetProperty("header").GetString() != "none";
        Crlf = root.GetProperty("eol").GetString() == "crlf";
        Bom = root.GetProperty("bom").GetBoolean();
        FinalNewline = root.GetProperty("final_newline").GetBoolean();
        PerFile = [.. root.GetProperty("per_file").EnumerateArray().Select(file => new FileCounts(
            file.GetProperty("file").GetString()!, file.GetProperty("count_exact").GetInt32(), file.GetProperty("count_numeric").GetInt32()))];
    }

    /// <summary>gen.py's own count of the target's rows in one file (exact and numeric matching).</summary>
    public sealed record FileCounts(string File, int CountExact, int CountNumeric);

    /// <summary>Per file, in name (and output) order: how many rows hold the target.</summary>
    public IReadOnlyList<FileCounts> PerFile { get; }

    public string Directory { get; }

    public string CsvDirectory => System.IO.Path.Combine(Directory, "csv");

    public byte[] ExpectedRows => File.ReadAllBytes(System.IO.Path.Combine(Directory, "expected_rows.csv"));

    public byte[] ExpectedRowsNumeric => File.ReadAllBytes(System.IO.Path.Combine(Directory, "expected_rows_numeric.csv"));

    /// <summary>The data files in name (and output) order.</summary>
    public IReadOnlyList<string> CsvFiles => [.. System.IO.Directory.GetFiles(CsvDirectory, "*.csv").Order(StringComparer.Ordinal)];

    public int CountExact { get; }

    public int CountNumeric { get; }

    /// <summary>gen.py's name for the files' encoding: utf-8, gbk, gb18030 or gb2312.</summary>
    public string EncodingName { get; }

    public bool HasHeader { get; }

    public bool Crlf { get; }

    public bool Bom { get; }

    public bool FinalNewline { get; }

    public string Target { get; }

    /// <param name="arguments">gen.py options after the output directory, e.g. "--files 6 --size 3M".</param>
    public static GeneratedSet Get(string arguments)
    {
        lock (CacheGate)
        {
            if (Cache.TryGetValue(arguments, out var cached))
            {
                return cached;
            }

            var set = new GeneratedSet(MadeOnce(arguments));
            Cache[arguments] = set;
            return set;
        }
    }

    // The sets are hundreds of MB each. They live in one directory per gen.py version and arguments under
    // the temp directory, made once and reused by later runs, rather than anew in every test run (which
    // left a gigabyte behind per `dotnet test`: the test host is stopped, not exited, so no cleanup runs).
    // A set is made in a scratch directory and renamed into place whole, so concurrent runs never see half
    // of one; a set whose files no longer add up to its record is made again.
    private static string MadeOnce(string arguments)
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "taxiscan-test-sets");
        System.IO.Directory.CreateDirectory(root);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(arguments + "\n" + File.ReadAllText(RepoPaths.Generator))))[..20];
        var directory = System.IO.Path.Combine(root, key);
        if (IsWhole(directory))
        {
            return directory;
        }

        var scratch = System.IO.Directory.CreateDirectory(System.IO.Path.Combine(root, "new-" + Guid.NewGuid().ToString("N"))).FullName;
        Generate(scratch, arguments);
        if (System.IO.Directory.Exists(directory))
        {
            if (IsWhole(directory))
            {
                System.IO.Directory.Delete(scratch, recursive: true); // another run made it meanwhile
                return directory;
            }

            System.IO.Directory.Delete(directory, recursive: true);
        }

        System.IO.Directory.Move(scratch, directory);
        return directory;
    }

    private static bool IsWhole(string directory)
    {
        var record = System.IO.Path.Combine(directory, "expected.json");
        if (!File.Exists(record))
        {
            return false;
        }

        using var expected = JsonDocument.Parse(File.ReadAllText(record));
        var files = System.IO.Directory.GetFiles(System.IO.Path.Combine(directory, "csv"));
        return files.Length == expected.RootElement.GetProperty("files").GetInt32()
            && files.Sum(file => new FileInfo(file).Length) == expected.RootElement.GetProperty("total_bytes").GetInt64();
    }

    // No time limit, as before: gen.py takes as long as its set is large (ProcessFaultTests asks for 600 MB).
    private static void Generate(string directory, string arguments)
    {
        string[] command = [RepoPaths.Generator, directory, .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), "-q"];
        var result = TaxiScanRun.RunProgram(Environment.CurrentDirectory, new Dictionary<string, string?>(), Timeout.InfiniteTimeSpan, "python3", command);
        if (result.ExitCode != 0)
        {
            System.IO.Directory.Delete(directory, recursive: true);
            throw new InvalidOperationException($"gen.py {arguments} failed: {result.Stderr}");
        }
    }
}
