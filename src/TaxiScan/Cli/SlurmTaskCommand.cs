using System.CommandLine;
using TaxiScan.Sharding;

namespace TaxiScan.Cli;

/// <summary>
/// The hidden command Slurm runs for each task of a <c>find --slurm</c> array job: the batch script's first
/// line names it, and Slurm passes the script's path. It runs the ordinary <c>find</c> command line saved in
/// the work directory (<see cref="SlurmTaskArguments"/>: <c>--shard auto</c> into the work directory's parts),
/// parsed and run as if it had been typed. A shebang line cannot carry that command line itself: it passes
/// at most one argument, and no quoting.
/// </summary>
internal sealed class SlurmTaskCommand : Command
{
    private readonly Argument<string> _script = new("SCRIPT");

    public SlurmTaskCommand()
        : base(SlurmRun.TaskCommand, "Internal: run one task of a find --slurm array job.")
    {
        Hidden = true;
        Arguments.Add(_script);
        SetAction((result, _) => CliEntry.RunAsync(SlurmRun.ReadTask(result.GetValue(_script)!)));
    }
}
