using TaxiScan.Cli;
using TaxiScan.Sharding;

namespace TaxiScan.Tests.Unit.Cli;

public class SlurmTaskArgumentsTests
{
    private readonly TaxiScanCommand _root = new();

    private IReadOnlyList<string> TaskOf(params string[] args)
    {
        var result = _root.Parse(["find", .. args]);
        Assert.Empty(result.Errors);
        return SlurmTaskArguments.For(_root.Find, result, "/w");
    }

    [Fact]
    public void A_task_is_an_ordinary_find_of_its_shard_into_the_work_directory()
    {
        var task = TaskOf("--id", "1,2", "-w", "3", "--slurm", "--shards", "4", "--sbatch-arg=--time=30", "--resume", "-o", "rows.csv", "--progress", "always", "data", "more");

        Assert.Equal(
            ["find", "--id=1,2", "--workers=3", "--shard=auto", "--shard-count=4", $"--output={SlurmRun.PartPattern("/w")}", "--progress=never", "data", "more"],
            task);
    }

    [Fact]
    public void Repeated_options_and_flags_are_kept_and_spellings_do_not_matter()
    {
        var task = TaskOf("-i", "7", "--id=8", "--header", "-c", "TAXI_ID", "--slurm", "-orows.csv", "data");

        Assert.Equal(["find", "--id=7", "--id=8", "--column=TAXI_ID", "--header", "--shard=auto", "--shard-count=8", $"--output={SlurmRun.PartPattern("/w")}", "--progress=never", "data"], task);
    }

    [Fact]
    public void The_task_line_parses_without_errors_as_a_shard_run()
    {
        var task = TaskOf("--id", "-5", "--slurm", "-o", "rows.csv", "data");
        var result = new TaxiScanCommand().Parse([.. task]);

        Assert.Empty(result.Errors);
        Assert.Contains("--id=-5", task);
    }
}
