using TaxiScan.Tests.Support;
using Xunit.Abstractions;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// The one-node Slurm cluster that the tests of <c>--slurm</c> run on, checked on its own: an array job runs every
/// task with the variables <c>--shard auto</c> reads, and a failed task can be told apart without accounting
/// (what each source says is written up in <c>tests/slurm/README.md</c>).
/// </summary>
[Collection(SlurmCluster.Collection)]
[Trait("Category", SlurmCluster.Category)]
public sealed class SlurmClusterTests(SlurmCluster cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [SlurmFact]
    public void An_array_job_runs_each_task_once_with_its_index_and_the_task_count()
    {
        using var dir = new TempDir();
        var script = dir.Create("task.sh", "#!/bin/sh\necho \"$SLURM_ARRAY_TASK_ID $SLURM_ARRAY_TASK_COUNT\"\n");

        var job = cluster.Submit(dir.Path, "--array=0-7", "--output=" + dir.Combine("task-%a.out"), script);
        var elapsed = cluster.WaitUntilDone(job, Timeout);
        output.WriteLine($"cluster start {cluster.StartTime.TotalSeconds:F1} s; 8-task array {elapsed.TotalSeconds:F1} s");

        for (var task = 0; task < 8; task++)
        {
            Assert.Equal($"{task} 8\n", File.ReadAllText(dir.Combine($"task-{task}.out")));
        }
    }

    [SlurmFact]
    public void A_failed_task_is_told_apart_by_its_missing_marker_squeue_and_scontrol_but_not_sacct()
    {
        using var dir = new TempDir();
        var script = dir.Create("task.sh", """
            #!/bin/sh
            echo "$SLURM_ARRAY_TASK_ID $SLURM_ARRAY_TASK_COUNT"
            if [ "$SLURM_ARRAY_TASK_ID" = 5 ]; then exit 3; fi
            touch "$SLURM_SUBMIT_DIR/done-$SLURM_ARRAY_TASK_ID"

            """);

        var job = cluster.Submit(dir.Path, "--array=0-7", "--output=" + dir.Combine("task-%a.out"), script);
        cluster.WaitUntilDone(job, Timeout);

        // The output file says nothing about the outcome; a marker written last by the task itself does, and it
        // outlives the cluster's memory of the job.
        Assert.Equal("5 8\n", File.ReadAllText(dir.Combine("task-5.out")));
        Assert.Equal(
            ["done-0", "done-1", "done-2", "done-3", "done-4", "done-6", "done-7"],
            Directory.GetFiles(dir.Path, "done-*").Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // Finished tasks leave plain squeue at once, but `-t all` lists them with their state until MinJobAge.
        var states = cluster.Run(dir.Path, "squeue", "-h", "-t", "all", "-j", job, "-o", "%i %T %r");
        Assert.True(states.ExitCode == 0, states.ToString());
        var expected = Enumerable.Range(0, 8)
            .Select(task => task == 5 ? $"{job}_5 FAILED NonZeroExitCode" : $"{job}_{task} COMPLETED None")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, states.StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

        // scontrol has the exit code (status:signal) too.
        var failed = cluster.Run(dir.Path, "scontrol", "-o", "show", "job", $"{job}_5");
        Assert.True(failed.ExitCode == 0, failed.ToString());
        Assert.Contains("JobState=FAILED", failed.StdoutText, StringComparison.Ordinal);
        Assert.Contains("ExitCode=3:0", failed.StdoutText, StringComparison.Ordinal);

        // Without accounting storage sacct knows nothing, and says so.
        var accounting = cluster.Run(dir.Path, "sacct", "-j", job);
        Assert.True(accounting.ExitCode != 0, accounting.ToString());
        Assert.Contains("accounting storage is disabled", accounting.Stderr, StringComparison.Ordinal);
    }
}
