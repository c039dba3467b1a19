using BenchmarkDotNet.Attributes;
using TaxiScan.Model;
using TaxiScan.Scanning;

namespace TaxiScan.Benchmarks;

/// <summary>
/// The scanning stage alone: <see cref="UnitScanner.Scan(Stream, bool, IScanSink, CancellationToken)"/> over ~120 MiB of Shenzhen-style rows held in
/// memory (<see cref="ShenzhenData"/>), into a <see cref="CountingSink"/>, so neither disk nor output is
/// timed. One operation is one whole scan; the MB/s column is the input's size over the mean. Each
/// scanner is built once, as a worker builds one and reuses it from file to file, so the allocations
/// shown are those of one scan (the dialect sniff, the stream wrappers).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ScanBenchmarksConfig))]
public class ScanBenchmarks
{
    // The host process, which shows the results, never runs the setup: it generates the data once more to know its size.
    private static readonly Lazy<(long Plain, long Quoted)> Sizes = new(() =>
    {
        var data = ShenzhenData.Generate();
        return (data.Plain.Length, data.Quoted.Length);
    });

    private readonly CountingSink _sink = new();
    private ShenzhenData _data = null!;
    private UnitScanner _singleId = null!;
    private UnitScanner _numeric = null!;
    private UnitScanner _thousandIds = null!;
    private UnitScanner _plate = null!;
    private UnitScanner _exactPath = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = ShenzhenData.Generate();
        Console.WriteLine($"// input: {_data.Rows} rows, {_data.Plain.Length} bytes unquoted, {_data.Quoted.Length} bytes quoted; "
            + $"{_data.TargetRows} rows of {ShenzhenData.TargetId}, {_data.ZeroPaddedTargetRows} of 011865, target plate {_data.TargetPlate}");

        _singleId = new UnitScanner(new MatchSpec { Ids = [ShenzhenData.TargetId] });
        _exactPath = new UnitScanner(new MatchSpec { Ids = [ShenzhenData.TargetId] }, exactPathOnly: true);
        _numeric = new UnitScanner(new MatchSpec { Ids = [ShenzhenData.TargetId], Numeric = true });

        // 999 ids of the same length that are not in the data: the match rate stays that of one id, so
        // the difference to SingleId_Column1 is the cost of the hash lookup alone.
        string[] thousand = [ShenzhenData.TargetId, .. Enumerable.Range(40_000, 999).Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        _thousandIds = new UnitScanner(new MatchSpec { Ids = thousand });

        _plate = new UnitScanner(new MatchSpec { Ids = [_data.TargetPlate], InputEncoding = "gb2312", Column = new ColumnChoice(8, null) });
    }

    /// <summary>One id in column 1 of unquoted rows: the common search, on the line path.</summary>
    [Benchmark]
    public long SingleId_Column1() => Scan(_singleId, _data.Plain, _data.TargetRows);

    /// <summary>The same search on the exact path (as <c>--strict</c> reads): every row cut out and its id field compared.</summary>
    [Benchmark]
    public long ExactPath_SingleId() => Scan(_exactPath, _data.Plain, _data.TargetRows);

    /// <summary>
    /// <c>--numeric</c>: an integer has many spellings, so there is no byte search; every row's id field is
    /// canonicalised on the exact path (and the 011865 rows match too).
    /// </summary>
    [Benchmark]
    public long Numeric_SingleId() => Scan(_numeric, _data.Plain, _data.TargetRows + _data.ZeroPaddedTargetRows);

    /// <summary>1,000 ids (the target and 999 absent ones) in column 1: each row's first bytes against the ids' bit table.</summary>
    [Benchmark]
    public long ThousandIds_Column1() => Scan(_thousandIds, _data.Plain, _data.TargetRows);

    /// <summary>The id in the last column (a GB2312 plate): a search for the plate's bytes, then the exact check of those rows.</summary>
    [Benchmark]
    public long Plate_Column8_Gb2312() => Scan(_plate, _data.Plain, _data.TargetRows);

    /// <summary>One id in the same rows with every field quoted: the quoted (CsvHelper) path. Its input is ~25% larger.</summary>
    [Benchmark]
    public long Quoted_SingleId() => Scan(_singleId, _data.Quoted, _data.TargetRows);

    /// <summary>Counting the line feeds of the unquoted input: one vectorised pass over memory, an upper bound for any scan.</summary>
    [Benchmark]
    public int Baseline_CountNewlines() => _data.Plain.AsSpan().Count((byte)'\n');

    /// <summary>The input size one case reads, for <see cref="ThroughputColumn"/>.</summary>
    internal static long InputBytes(string benchmarkMethod) =>
        benchmarkMethod == nameof(Quoted_SingleId) ? Sizes.Value.Quoted : Sizes.Value.Plain;

    private long Scan(UnitScanner scanner, byte[] input, long expectedMatches)
    {
        _sink.Reset();
        using var stream = new MemoryStream(input, writable: false);
        scanner.Scan(stream, everyRow: false, _sink, CancellationToken.None);

        // A wrong setup must fail loudly rather than time a search that finds the wrong rows (a few compares per scan).
        var quoted = input == _data.Quoted;
        if (_sink.Matched != expectedMatches || _sink.Malformed != 0 || _sink.Dialect?.Quoted != quoted)
        {
            throw new InvalidOperationException($"expected {expectedMatches} matches, no malformed rows and quoted={quoted}; "
                + $"got {_sink.Matched}, {_sink.Malformed} and {_sink.Dialect?.Describe()}");
        }

        return _sink.Matched;
    }
}
