using System.Diagnostics;
using System.Text;

namespace TaxiScan.Tests.Support;

/// <summary>The outcome of one run of the real binary: exact stdout bytes, stderr text, exit code.</summary>
internal sealed record TaxiScanResult(string Command, int ExitCode, byte[] Stdout, string Stderr, string RunTag)
{
    public string StdoutText => Encoding.UTF8.GetString(Stdout);

    public string[] StdoutLines => StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Everything a failing assertion needs to be understood without re-running.</summary>
    public override string ToString() =>
        $"$ {Command}\nexit code: {ExitCode}\n--- stdout ({Stdout.Length} bytes) ---\n{Truncate(StdoutText)}\n--- stderr ---\n{Stderr}";

    private static string Truncate(string text) => text.Length > 2000 ? text[..2000] + "..." : text;
}

/// <summary>Runs the built taxiscan binary as a user would, in a given directory, with a time limit.</summary>
internal static class TaxiScanRun
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public static TaxiScanResult Run(string workingDirectory, params string[] arguments) =>
        RunAsync(workingDirectory, arguments).GetAwaiter().GetResult();

    /// <summary>
    /// The environment variable that marks every process of one run (workers inherit it), so a test can
    /// look for leftovers of its own run only, while other tests run taxiscan in parallel.
    /// </summary>
    public const string RunTagVariable = "TAXISCAN_TEST_RUN";

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
        var start = new ProcessStartInfo(defaultSignals ? "python3" : RepoPaths.TaxiScanBinary)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
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

    public static async Task<TaxiScanResult> RunAsync(
        string workingDirectory, IReadOnlyList<string> arguments, Action<Process>? whileRunning = null, byte[]? standardInput = null, bool defaultSignals = false)
    {
        var runTag = Guid.NewGuid().ToString("N");
        using var process = Start(workingDirectory, arguments, runTag, defaultSignals);
        var stdout = new MemoryStream();
        var stdoutCopy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();

        // Written concurrently with the reads above: a large input must not wait for a full stdout pipe.
        var stdinWrite = standardInput is null ? Task.CompletedTask : WriteAndCloseAsync(process, standardInput);
        whileRunning?.Invoke(process);
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"taxiscan {string.Join(' ', arguments)} did not finish in {DefaultTimeout}");
        }

        await stdoutCopy;
        await stdinWrite;
        return new TaxiScanResult("taxiscan " + string.Join(' ', arguments), process.ExitCode, stdout.ToArray(), await stderr, runTag);
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
            // The binary exited without reading all of stdin (e.g. it rejected its arguments): its exit code
            // and stderr tell the test what happened, a broken pipe here does not.
        }
    }
}

/// <summary>Finds the processes of one tagged run that are still alive.</summary>
internal static class LeftoverProcesses
{
    public static List<int> Of(string runTag)
    {
        var marker = $"{TaxiScanRun.RunTagVariable}={runTag}";
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(dir, "environ")).Split('\0').Contains(marker))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or not ours to read.
            }
        }

        return found;
    }
}
