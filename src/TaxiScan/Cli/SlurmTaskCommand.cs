using System.CommandLine;
using TaxiScan.Sharding;

namespace TaxiScan.Cli;

/// <summary>
/// The hidden command Slurm runs for each task of a <c>find --slurm</c> array job: the batch script's first
/// line names it, and Slurm passes the script's path. It runs the saved <c>find</c> command line, which,
/// with <see cref="SlurmRun.WorkVariable"/> set, scans the task's shard into the work directory.
/// </summary>
internal sealed class SlurmTaskCommand : Command
{
    private readonly Argument<string> _script = new("SCRIPT");

    public SlurmTaskCommand()
        : base(SlurmRun.TaskCommand, "Internal: run one task of a find --slurm array job.")
    {
        Hidden = true;
        Arguments.Add(_script);
        SetAction(async (result, _) =>
        {
            var (work, commandLine) = SlurmRun.ReadTask(result.GetValue(_script)!);
            Environment.SetEnvironmentVariable(SlurmRun.WorkVariable, work);
            return await Program.Main(commandLine);
        });
    }
}
