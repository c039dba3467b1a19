using System.Diagnostics;

namespace TaxiScan.Tests.Support;

/// <summary>
/// A real one-node Slurm cluster, started by <c>tests/slurm/cluster.sh</c> with all its state in a temporary
/// directory, shared by every test of the <see cref="Collection"/> collection and stopped after the last one.
/// Slurm's ports are fixed, so one collection (one cluster at a time) holds every test that needs it.
/// </summary>
/// <remarks>
/// Where Slurm cannot run (not installed, not root, not Linux) the tests marked <see cref="SlurmFactAttribute"/>
/// are skipped with the reason, so that <c>dotnet test TaxiScan.sln</c> passes on any developer machine; this
/// fixture then starts nothing. <c>TAXISCAN_REQUIRE_SLURM=1</c> (set by <c>.ci/run</c>) turns that skip into a
/// failure, so CI can never pass by skipping them.
/// </remarks>
public sealed class SlurmCluster : IDisposable
{
    /// <summary>The collection of every test that uses the cluster.</summary>
    public const string Collection = "Slurm cluster";

    /// <summary>The trait value: <c>dotnet test --filter Category=Slurm</c> runs only these tests.</summary>
    public const string Category = "Slurm";

    /// <summary>When this environment variable is <c>1</c>, a machine without Slurm fails the tests instead of skipping them.</summary>
    public const string RequireVariable = "TAXISCAN_REQUIRE_SLURM";

    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly string? _directory;

    public SlurmCluster()
    {
        if (SkipReason is not null)
        {
            return;
        }

        _directory = Directory.CreateTempSubdirectory("taxiscan-slurm-").FullName;
        var clock = Stopwatch.StartNew();
        var start = Script("start");
        StartTime = clock.Elapsed;
        if (start.ExitCode != 0)
        {
            // xunit does not dispose a fixture whose constructor threw: clean up here. The script has already
            // stopped what it started; stopping again is harmless.
            Script("stop");
            TryDelete(_directory);
            throw new InvalidOperationException($"the Slurm cluster did not start (tests/slurm/cluster.sh start):\n{start}");
        }
    }

    /// <summary>Why the Slurm tests cannot run on this machine, or null when they can (or must).</summary>
    public static string? SkipReason { get; } = FindSkipReason();

    /// <summary>The cluster's directory: slurm.conf, the daemons' state, pid and log files.</summary>
    public string StateDirectory => _directory ?? throw new InvalidOperationException("no Slurm cluster: " + SkipReason);

    /// <summary>The cluster's slurm.conf; every Slurm client command needs it as <c>SLURM_CONF</c>.</summary>
    public string ConfPath => Path.Combine(StateDirectory, "slurm.conf");

    /// <summary>The environment a child process needs to talk to this cluster (merge it into yours).</summary>
    public IReadOnlyDictionary<string, string?> ClientEnvironment => new Dictionary<string, string?> { ["SLURM_CONF"] = ConfPath };

    /// <summary>How long <c>cluster.sh start</c> took, from nothing to an idle node.</summary>
    public TimeSpan StartTime { get; }

    /// <summary>Runs a Slurm client (<c>sbatch</c>, <c>squeue</c>, <c>scontrol</c>, <c>scancel</c>, ...) against this cluster.</summary>
    internal ProcessResult Run(string workingDirectory, string program, params string[] arguments) =>
        TaxiScanRun.RunProgram(workingDirectory, ClientEnvironment, CommandTimeout, program, arguments);

    /// <summary>Submits with <c>sbatch --parsable</c> and returns the job id (for an array, the array's id).</summary>
    internal string Submit(string workingDirectory, params string[] sbatchArguments)
    {
        var submit = Run(workingDirectory, "sbatch", ["--parsable", .. sbatchArguments]);
        if (submit.ExitCode != 0)
        {
            throw new InvalidOperationException("sbatch failed:\n" + submit);
        }

        // --parsable prints "ID" or, on a multi-cluster set-up, "ID;CLUSTER".
        return submit.StdoutText.Trim().Split(';')[0];
    }

    /// <summary>
    /// Waits until no task of the job is pending or running, polling <c>squeue -h -j ID</c> (which lists only
    /// those by default), and returns how long that took. Much quicker than <c>sbatch --wait</c>, which polls with
    /// a back-off of up to 10 s.
    /// </summary>
    internal TimeSpan WaitUntilDone(string jobId, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var queue = Run(StateDirectory, "squeue", "-h", "-j", jobId);
            if (queue.ExitCode == 0 && queue.Stdout.Length == 0)
            {
                return clock.Elapsed;
            }

            // After MinJobAge slurmctld forgets a finished job, and squeue then refuses its id.
            if (queue.ExitCode != 0 && queue.Stderr.Contains("Invalid job id", StringComparison.Ordinal))
            {
                return clock.Elapsed;
            }

            if (queue.ExitCode != 0)
            {
                throw new InvalidOperationException("squeue failed:\n" + queue);
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"job {jobId} still queued or running after {timeout}:\n{queue.StdoutText}");
            }

            Thread.Sleep(PollInterval);
        }
    }

    public void Dispose()
    {
        if (_directory is null)
        {
            return;
        }

        var stop = Script("stop");
        if (stop.ExitCode != 0)
        {
            // Leave the directory: its pid files and logs are what is needed to stop the daemons by hand.
            throw new InvalidOperationException($"the Slurm cluster did not stop; stop it with tests/slurm/cluster.sh stop {_directory}\n{stop}");
        }

        TryDelete(_directory);
    }

    private ProcessResult Script(string command) =>
        TaxiScanRun.RunProgram(RepoPaths.Root, new Dictionary<string, string?>(), ScriptTimeout,
            "bash", Path.Combine(RepoPaths.Root, "tests", "slurm", "cluster.sh"), command, _directory!);

    private static string? FindSkipReason()
    {
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            return null;
        }

        const string HowToRun = " (apt-get install -y --no-install-recommends slurm-wlm munge, as root, runs them; "
            + RequireVariable + "=1 turns this skip into a failure, as in .ci/run)";
        if (!OperatingSystem.IsLinux())
        {
            return "the Slurm tests need Linux" + HowToRun;
        }

        string[] directories = [.. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator), "/usr/sbin", "/sbin"];
        if (!directories.Any(directory => directory.Length > 0 && File.Exists(Path.Combine(directory, "slurmctld"))))
        {
            return "Slurm is not installed (no slurmctld)" + HowToRun;
        }

        return Environment.IsPrivilegedProcess ? null : "a one-node Slurm cluster needs root" + HowToRun;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Every test class that takes a <see cref="SlurmCluster"/> joins this collection: one cluster, one test at a time.</summary>
[CollectionDefinition(SlurmCluster.Collection)]
public sealed class SlurmClusterCollection : ICollectionFixture<SlurmCluster>;

/// <summary>A fact that needs the Slurm cluster: skipped, with the reason, where Slurm cannot run (see <see cref="SlurmCluster.SkipReason"/>).</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (SlurmCluster.SkipReason is not null)
        {
            Skip = SlurmCluster.SkipReason;
        }
    }
}
