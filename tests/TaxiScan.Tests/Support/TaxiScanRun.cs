using System.Diagnostics;

namespace TaxiScan.Tests.Support;

/// <summary>
/// The one process runner of the tests. It runs the built taxiscan binary as a user would, or any other program
/// a test needs (a shell, the dotnet CLI, a Slurm client), in a given directory with a time limit, and returns
/// the exact stdout bytes, the stderr text and the exit code; a run past its time limit is killed with its
/// children and fails the test.
/// </summary>
internal static class TaxiScanRun
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The environment variable that marks every process of one run (workers inherit it), so a test can
    /// look for leftovers of its own run only, while other tests run taxiscan in parallel.
    /// </summary>
    public const string RunTagVariable = "TAXISCAN_TEST_RUN";

    /// <summary>The directory holding the built taxiscan apphost: put first on PATH so that `taxiscan` is the build under test.</summary>
    public static string BinaryDirectory => Path.GetDirectoryName(RepoPaths.TaxiScanBinary)!;

    public static TaxiScanResult Run(string workingDirectory, params string[] arguments) =>
        RunAsync(workingDirectory, arguments).GetAwaiter().GetResult();

    /// <param name="workingDirectory">Where taxiscan runs.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="runTag">The value of <see cref="RunTagVariable"/>; a new one when null.</param>
    /// <param name="defaultSignals">
    /// Start taxiscan with SIGINT at its default disposition. A test host started as a background job
    /// (`dotnet test &amp;` in a script) inherits SIGINT ignored, and taxiscan, like every program, leaves
    /// an ignored SIGINT ignored; a test of its Ctrl-C handling must not depend on how it was started.
    /// python3 (which the suite needs anyway) resets it and execs taxiscan, keeping the pid.
    /// </param>
    public static Process Start(string workingDirectory, IEnumerable<string> arguments, string? runTag = null, bool defaultSignals = false)
    {
        var start = StartInfo(workingDirectory, defaultSignals ? "python3" : RepoPaths.TaxiScanBinary);
        start.Environment[RunTagVariable] = runTag ?? Guid.NewGuid().ToString("N");
        if (defaultSignals)
        {
            foreach (var word in new[] { "-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])", RepoPaths.TaxiScanBinary })
            {
                start.ArgumentList.Add(word);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs with <paramref name="standardInput"/> written to stdin (then closed) while stdout is read.</summary>
    public static TaxiScanResult RunWithInput(string workingDirectory, byte[] standardInput, params string[] arguments) =>
        RunAsync(workingDirectory, arguments, standardInput: standardInput).GetAwaiter().GetResult();

    /// <summary>
    /// Runs taxiscan; <paramref name="whileRunning"/> gets the process once its output is being read (the time
    /// limit starts when it returns). Without <paramref name="standardInput"/>, stdin stays open until the end.
    /// </summary>
    public static async Task<TaxiScanResult> RunAsync(
        string workingDirectory, IReadOnlyList<string> arguments, Action<Process>? whileRunning = null, byte[]? standardInput = null, bool defaultSignals = false)
    {
        var runTag = Guid.NewGuid().ToString("N");
        var command = "taxiscan " + string.Join(' ', arguments);
        using var process = Start(workingDirectory, arguments, runTag, defaultSignals);
        var (exitCode, stdout, stderr, elapsed) = await WaitForOutputAsync(process, command, DefaultTimeout, standardInput, whileRunning);
        return new TaxiScanResult(command, exitCode, stdout, stderr, runTag, elapsed);
    }

    /// <summary>
    /// Runs <paramref name="program"/> (not taxiscan's own start: no run tag) with stdin closed at once and
    /// <paramref name="environment"/>: variables to set, or (a null value) to remove.
    /// </summary>
    public static ProcessResult RunProgram(string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, string program, params string[] arguments)
    {
        var start = StartInfo(workingDirectory, program);
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var command = $"{program} {string.Join(' ', arguments)}";
        using var process = Process.Start(start)!;
        var (exitCode, stdout, stderr, elapsed) = WaitForOutputAsync(process, command, timeout, standardInput: [], whileRunning: null).GetAwaiter().GetResult();
        return new ProcessResult(command, exitCode, stdout, stderr, elapsed);
    }

    /// <summary>The environment with <paramref name="directory"/> first on PATH.</summary>
    public static Dictionary<string, string?> WithOnPath(string directory) =>
        new() { ["PATH"] = directory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };

    private static ProcessStartInfo StartInfo(string workingDirectory, string program) => new(program)
    {
        WorkingDirectory = workingDirectory,
        UseShellExecute = false,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        RedirectStandardInput = true,
    };

    // Reads stdout and stderr to their ends while stdin is written, so that no pipe fills and stalls the child.
    private static async Task<(int ExitCode, byte[] Stdout, string Stderr, TimeSpan Elapsed)> WaitForOutputAsync(
        Process process, string command, TimeSpan timeout, byte[]? standardInput, Action<Process>? whileRunning)
    {
        var clock = Stopwatch.StartNew();
        var stdout = new MemoryStream();
        var stdoutCopy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdinWrite = standardInput is null ? Task.CompletedTask : WriteAndCloseAsync(process, standardInput);
        whileRunning?.Invoke(process);
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish in {timeout}");
        }

        await stdoutCopy;
        await stdinWrite;
        return (process.ExitCode, stdout.ToArray(), await stderr, clock.Elapsed);
    }

    private static async Task WriteAndCloseAsync(Process process, byte[] input)
    {
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(input);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited without reading all of stdin (e.g. it rejected its arguments): its exit code
            // and stderr tell the test what happened, a broken pipe here does not.
        }
    }
}
