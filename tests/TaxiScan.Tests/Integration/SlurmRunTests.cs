using System.Diagnostics;
using System.Text.RegularExpressions;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// Issue 7, part 4: <c>find --slurm</c> on a real one-node Slurm cluster. Eight shards as one array job give
/// the plain run's bytes; a shard that does not finish is named with exit 2, and <c>--resume</c> runs only
/// that shard again and completes the run.
/// </summary>
[Collection(SlurmCluster.Collection)]
[Trait("Category", SlurmCluster.Category)]
public sealed partial class SlurmRunTests(SlurmCluster cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    private static GeneratedSet BigFileSet => GeneratedSet.Get("--files 8 --size 40M --skew huge:0.5 --target-share 0.0005 --encoding gb2312 --seed 17");

    [SlurmFact]
    public void Eight_shards_as_one_array_job_merge_to_the_plain_runs_bytes()
    {
        var set = BigFileSet;
        using var dir = new TempDir();

        var result = Taxiscan(dir, "find", "--id", set.Target, "--encoding", "gb2312", "--workers", "1", "--slurm", "--shards", "8", "-o", "rows.csv", set.CsvDirectory);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Stdout);
        BytesAssert.Equal(set.ExpectedRows, File.ReadAllBytes(dir.Combine("rows.csv")), result);
        Assert.Matches(SubmittedAll(), result.Stderr);
        for (var shard = 0; shard < 8; shard++)
        {
            Assert.Contains($": shard {shard} done: ", result.Stderr, StringComparison.Ordinal);
        }

        Assert.Contains($"merged 8 shards: {set.CountExact} rows into rows.csv", result.Stderr, StringComparison.Ordinal);
    }

    [SlurmFact]
    public async Task A_cancelled_shard_is_named_and_resume_runs_only_that_shard_again()
    {
        // The job is held, shard 5 cancelled before it runs, the rest released: a shard that never ran.
        var set = BigFileSet;
        using var dir = new TempDir();
        string[] scan = ["find", "--id", set.Target, "--encoding", "gb2312", "--workers", "1", "--slurm", "--shards", "8", "-o", "rows.csv", set.CsvDirectory];

        using var first = Start(dir, [.. scan, "--sbatch-arg=--hold"]);
        var stderr = first.StandardError.ReadToEndAsync();
        var job = WaitForHeldJob();
        Assert.True(cluster.Run(dir.Path, "scancel", $"{job}_5").ExitCode == 0);
        Assert.True(cluster.Run(dir.Path, "scontrol", "release", job).ExitCode == 0);
        Assert.True(first.WaitForExit(Timeout), "taxiscan --slurm did not end");
        var failed = await stderr;

        Assert.True(first.ExitCode == 2, failed);
        Assert.Contains($"slurm job {job}: shard 5 FAILED", failed, StringComparison.Ordinal);
        Assert.Contains($"slurm job {job}: shards 5 of 8 failed; rows.csv not written. Run the same command with --resume", failed, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Combine("rows.csv")));
        var work = dir.Combine("rows.csv.taxiscan-slurm");
        var finishedBefore = Directory.GetFiles(work, "part-*.csv").ToDictionary(part => part, File.GetLastWriteTimeUtc);
        Assert.Equal(7, finishedBefore.Count);

        var resumed = Taxiscan(dir, [.. scan, "--resume"]);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains(": 1 of 8 shards submitted", resumed.Stderr, StringComparison.Ordinal);
        Assert.Contains(": shard 5 done: ", resumed.Stderr, StringComparison.Ordinal);
        Assert.All(finishedBefore, part => Assert.Equal(part.Value, File.GetLastWriteTimeUtc(part.Key))); // the others were not run again
        BytesAssert.Equal(set.ExpectedRows, File.ReadAllBytes(dir.Combine("rows.csv")), resumed);
    }

    [Fact]
    public void Without_sbatch_on_path_slurm_is_a_one_line_error()
    {
        using var dir = new TempDir();

        var result = TaxiScanRun.RunProgram(dir.Path, new Dictionary<string, string?> { ["PATH"] = "/nonexistent" }, TaxiScanRun.DefaultTimeout, RepoPaths.TaxiScanBinary,
            "find", "--id", "1", "--slurm", "-o", "rows.csv", Path.Combine(RepoPaths.RealData, "tdrive_beijing"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("taxiscan: --slurm needs the Slurm commands sbatch and squeue on PATH, and they are not there (is this a Slurm login node?)\n", result.Stderr);
    }

    private string WaitForHeldJob()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Timeout)
        {
            var queue = cluster.Run(RepoPaths.Root, "squeue", "-h", "-n", "taxiscan", "-o", "%F");
            if (queue.StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } job)
            {
                return job.Trim();
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException("the held job did not appear in squeue");
    }

    private ProcessResult Taxiscan(TempDir dir, params string[] arguments) =>
        TaxiScanRun.RunProgram(dir.Path, Environment(), Timeout, RepoPaths.TaxiScanBinary, arguments);

    private Process Start(TempDir dir, string[] arguments)
    {
        var start = new ProcessStartInfo(RepoPaths.TaxiScanBinary) { WorkingDirectory = dir.Path, UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var (name, value) in Environment())
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private Dictionary<string, string?> Environment() => new(cluster.ClientEnvironment);

    [GeneratedRegex(@"slurm job \d+: 8 of 8 shards submitted")]
    private static partial Regex SubmittedAll();
}
