using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace TaxiScan.Benchmarks;

/// <summary>
/// A short job, so the whole suite takes about two minutes on a 2-core machine: 2 warm-up and 10 measured
/// iterations of about 0.5 s each (BenchmarkDotNet picks how many scans make one). No unrolling: one scan
/// is tens of milliseconds, so loop overhead is nothing and unrolling by 16 would only stretch iterations.
/// Plus the MB/s column; the job's settings are said here, not repeated in every row of the table.
/// </summary>
public sealed class ScanBenchmarksConfig : ManualConfig
{
    public ScanBenchmarksConfig()
    {
        AddJob(Job.Default
            .WithId("Short")
            .WithWarmupCount(2)
            .WithIterationCount(10)
            .WithUnrollFactor(1));
        AddColumn(new ThroughputColumn());
        HideColumns(Column.Job, Column.WarmupCount, Column.IterationCount, Column.UnrollFactor);
    }
}
