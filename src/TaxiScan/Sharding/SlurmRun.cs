using System.Text;
using TaxiScan.Model;
using TaxiScan.Output;
using TaxiScan.Platform;

namespace TaxiScan.Sharding;

/// <summary>
/// The Slurm stage (<c>find ... --slurm -o OUT</c>): runs the scan as one <c>sbatch --array</c> job of N
/// shards, waits for it, reports each shard, and merges the parts into OUT. Its state is a work directory
/// beside OUT (<c>OUT.taxiscan-slurm/</c>): the command line, the batch script, each shard's part,
/// manifest and Slurm log. <c>--resume</c> submits only the shards whose parts are missing or incomplete.
/// Every Slurm command is started with an argument list; no shell ever sees user text. The batch script
/// is not a shell script either: its first line makes Slurm run taxiscan itself (<c>__slurm-task</c>),
/// which runs the ordinary <c>find</c> command line saved for the tasks (<c>--shard auto</c> into the work directory).
/// </summary>
internal sealed class SlurmRun(SlurmRun.Request request, Action<string> say)
{
    /// <summary>The hidden command that runs one task of the array job.</summary>
    public const string TaskCommand = "__slurm-task";

    private const string ArgumentsFile = "command.args";

    /// <summary>What the user asked for.</summary>
    /// <param name="Output">The merged output (-o).</param>
    /// <param name="Shards">How many shards (array tasks).</param>
    /// <param name="SbatchArguments">Passed to sbatch as they are (--sbatch-arg).</param>
    /// <param name="Resume">Submit only the shards without a complete part.</param>
    /// <param name="TaskArguments">The find command line each task runs (its shard from the array index), saved in the
    /// work directory; <c>--resume</c> goes on only with the same one.</param>
    public sealed record Request(string Output, int Shards, IReadOnlyList<string> SbatchArguments, bool Resume, IReadOnlyList<string> TaskArguments);

    public static string WorkDirectoryFor(string output) => Path.GetFullPath(output) + ".taxiscan-slurm";

    /// <summary>The <c>-o</c> of every task: <c>{shard}</c> becomes its shard (<see cref="ShardSpec.Expand"/>); the manifest goes beside it.</summary>
    public static string PartPattern(string workDirectory) => Path.Combine(workDirectory, "part-{shard}.csv");

    private static string PartPath(string workDirectory, int shard, int shards) => new ShardSpec(shard, shards).Expand(PartPattern(workDirectory));

    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        if (FindOnPath("sbatch") is null || FindOnPath("squeue") is null)
        {
            say("--slurm needs the Slurm commands sbatch and squeue on PATH, and they are not there (is this a Slurm login node?)");
            return ExitCodes.Error;
        }

        var work = WorkDirectoryFor(request.Output);
        var shards = PrepareWorkDirectory(work);
        if (shards is null)
        {
            return ExitCodes.Error;
        }

        if (shards.Count > 0)
        {
            var jobId = await SubmitAsync(work, shards, cancellation);
            if (jobId is null)
            {
                return ExitCodes.Error;
            }

            try
            {
                await WaitAsync(jobId, cancellation);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C or SIGTERM while the job runs: take the job down too, or it would run on unwatched.
                await ChildProcess.RunAsync("scancel", [jobId], CancellationToken.None);
                say($"slurm job {jobId} cancelled; --resume runs its unfinished shards later");
                throw;
            }

            var failed = shards.Where(shard => !IsComplete(work, shard)).ToList();
            foreach (var shard in shards)
            {
                say(IsComplete(work, shard)
                    ? $"slurm job {jobId}: shard {shard} done: {PartManifest.ReadFor(PartPath(work, shard, request.Shards)).Rows} rows"
                    : $"slurm job {jobId}: shard {shard} FAILED: {TaskLogTail(work, shard)}");
            }

            if (failed.Count > 0)
            {
                say($"slurm job {jobId}: shards {string.Join(", ", failed)} of {request.Shards} failed; {request.Output} not written. " +
                    "Run the same command with --resume to run only those again");
                return ExitCodes.Error;
            }
        }
        else
        {
            say($"every shard of {work} is complete already: merging");
        }

        var parts = Enumerable.Range(0, request.Shards).Select(shard => PartPath(work, shard, request.Shards)).ToList();
        var outcome = PartMerger.Merge(parts, () => DeviceFileTarget.OpenOutput(request.Output));
        foreach (var problem in outcome.Problems)
        {
            say($"merge: {problem}");
        }

        if (outcome.Problems.Count > 0)
        {
            return ExitCodes.Error;
        }

        say($"merged {request.Shards} shards: {outcome.Rows} rows into {request.Output}");
        if (outcome.ShardsWithErrors.Count > 0)
        {
            say($"shards {string.Join(", ", outcome.ShardsWithErrors)} reported errors (see their logs in {work}); their other rows are merged");
            return ExitCodes.Error;
        }

        return outcome.Rows > 0 ? ExitCodes.RowsFound : ExitCodes.NoRowsFound;
    }

    // Returns the shards to submit, or null after saying why the run cannot go on.
    private List<int>? PrepareWorkDirectory(string work)
    {
        var saved = Path.Combine(work, ArgumentsFile);
        var commandLine = string.Join('\0', request.TaskArguments);
        if (request.Resume)
        {
            if (!File.Exists(saved))
            {
                say($"--resume: there is no earlier run in {work}");
                return null;
            }

            if (File.ReadAllText(saved) != commandLine)
            {
                say($"--resume: the run in {work} was made with another command line; resume it with the same one, or remove {work}");
                return null;
            }

            return [.. Enumerable.Range(0, request.Shards).Where(shard => !IsComplete(work, shard))];
        }

        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true); // a fresh run: the parts of an earlier one must not be merged into it
        }

        Directory.CreateDirectory(work);
        File.WriteAllText(saved, commandLine);

        // Slurm runs the script's first line: taxiscan itself, never a shell (see the type's summary).
        var (interpreter, argument) = Interpreter();
        File.WriteAllText(Path.Combine(work, "task"), $"#!{interpreter} {argument}\n# taxiscan-work: {work}\n");
        return [.. Enumerable.Range(0, request.Shards)];
    }

    private bool IsComplete(string work, int shard)
    {
        var part = PartPath(work, shard, request.Shards);
        try
        {
            var manifest = PartManifest.ReadFor(part);
            return manifest.Shard == shard && manifest.Shards == request.Shards && File.Exists(part) && new FileInfo(part).Length == manifest.Bytes;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private async Task<string?> SubmitAsync(string work, List<int> shards, CancellationToken cancellation)
    {
        List<string> arguments =
        [
            "--parsable", $"--array={string.Join(',', shards)}", "--job-name=taxiscan", $"--output={Path.Combine(work, "slurm-%a.out")}",
            .. request.SbatchArguments, Path.Combine(work, "task"),
        ];
        var (exitCode, stdout, stderr) = await ChildProcess.RunAsync("sbatch", arguments, cancellation);
        var jobId = stdout.Split(';')[0].Trim();
        if (exitCode != 0 || jobId.Length == 0 || !jobId.All(char.IsAsciiDigit))
        {
            say($"sbatch failed (exit code {exitCode}): {OneLine(stderr.Length > 0 ? stderr : stdout)}");
            return null;
        }

        say($"slurm job {jobId}: {shards.Count} of {request.Shards} shards submitted ({work})");
        return jobId;
    }

    // squeue lists a job's tasks while they are pending or running; an empty answer means all have ended.
    private async Task WaitAsync(string jobId, CancellationToken cancellation)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        var lastReport = "";
        while (true)
        {
            var (exitCode, stdout, stderr) = await ChildProcess.RunAsync("squeue", ["-h", "-j", jobId, "-o", "%T"], cancellation);
            var states = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            // A job whose tasks all ended (or were cancelled while pending) is forgotten after a while, and then
            // squeue fails with "Invalid job id": that too means nothing is left to wait for.
            if ((exitCode == 0 && states.Length == 0) || stderr.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var report = string.Join(", ", states.GroupBy(state => state.ToLowerInvariant()).Select(group => $"{group.Count()} {group.Key}"));
            if (report != lastReport && report.Length > 0)
            {
                say($"slurm job {jobId}: {report}");
                lastReport = report;
            }

            await Task.Delay(delay, cancellation);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, 2000));
        }
    }

    private static string TaskLogTail(string work, int shard)
    {
        var log = Path.Combine(work, $"slurm-{shard}.out");
        if (!File.Exists(log))
        {
            return "it left no log (never started, or cancelled before it ran)";
        }

        var lines = File.ReadAllLines(log).Where(line => line.Length > 0).ToList();
        return lines.Count == 0 ? $"no part was written; its log {log} is empty" : $"no part was written; its log ends: {OneLine(lines[^1])} ({log})";
    }

    // How Slurm should start this program (SelfCommand): the apphost or NativeAOT binary directly; under
    // `dotnet taxiscan.dll` the muxer with the assembly (env -S splits the words, as a shebang line passes only one).
    private static (string Interpreter, string Argument) Interpreter()
    {
        var self = SelfCommand.Current();
        return self.LeadingArguments.Count == 0
            ? (self.FileName, TaskCommand)
            : ("/usr/bin/env", $"-S {self.FileName} {string.Join(' ', self.LeadingArguments)} {TaskCommand}");
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program)).FirstOrDefault(File.Exists);

    private static string OneLine(string text) =>
        string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Reads a batch script written by this type: the find command line saved for the tasks in the work directory it names.</summary>
    public static string[] ReadTask(string scriptPath)
    {
        var work = File.ReadLines(scriptPath).Select(line => line.StartsWith("# taxiscan-work: ", StringComparison.Ordinal) ? line["# taxiscan-work: ".Length..] : null)
            .FirstOrDefault(line => line is not null) ?? throw new InvalidDataException($"{scriptPath} is not a taxiscan task script");
        return File.ReadAllText(Path.Combine(work, ArgumentsFile), Encoding.UTF8).Split('\0');
    }
}
