using System.Diagnostics;
using System.Text.Json;

namespace TaxiScan.Tests.Support;

/// <summary>
/// A synthetic Shenzhen-style data set made by <c>shared/bench/gen.py</c> (GB2312, traps built in), with
/// its <c>expected_rows.csv</c> and <c>expected.json</c>. Each distinct set is generated once per test run.
/// </summary>
internal sealed class GeneratedSet
{
    private static readonly Dictionary<string, GeneratedSet> Cache = [];
    private static readonly Lock CacheGate = new();

    private GeneratedSet(string directory)
    {
        Directory = directory;
        using var expected = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(directory, "expected.json")));
        CountExact = expected.RootElement.GetProperty("count_exact").GetInt32();
        Target = expected.RootElement.GetProperty("target").GetString()!;
    }

    public string Directory { get; }

    public string CsvDirectory => System.IO.Path.Combine(Directory, "csv");

    public byte[] ExpectedRows => File.ReadAllBytes(System.IO.Path.Combine(Directory, "expected_rows.csv"));

    public int CountExact { get; }

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
