using System.Diagnostics;
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
    private static readonly Dictionary<string, GeneratedSet> Cache = CreateCache();
    private static readonly Lock CacheGate = new();

    // The sets are hundreds of MB each: made once per test run and removed when the test host exits,
    // or every `dotnet test` would leave a gigabyte behind in the temp directory.
    private static Dictionary<string, GeneratedSet> CreateCache()
    {
        var cache = new Dictionary<string, GeneratedSet>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (CacheGate)
            {
                foreach (var set in cache.Values)
                {
                    try
                    {
                        System.IO.Directory.Delete(set.Directory, recursive: true);
                    }
                    catch (IOException)
                    {
                        // Best effort: the temp directory is cleaned by the system in the end.
                    }
                }
            }
        };
        return cache;
    }

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

            var directory = System.IO.Directory.CreateTempSubdirectory("taxiscan-gen-").FullName;
            var start = new ProcessStartInfo("python3") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add(RepoPaths.Generator);
            start.ArgumentList.Add(directory);
            foreach (var argument in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                start.ArgumentList.Add(argument);
            }

            start.ArgumentList.Add("-q");
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"gen.py {arguments} failed: {error}");
            }

            var set = new GeneratedSet(directory);
            Cache[arguments] = set;
            return set;
        }
    }
}
