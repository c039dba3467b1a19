using System.Diagnostics;
using System.Text;

namespace TaxiScan.Tests.Support;

/// <summary>The outcome of one run of some program (a shell, the dotnet CLI): exact stdout bytes, stderr text, exit code.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, byte[] Stdout, string Stderr, TimeSpan Elapsed)
{
    public string StdoutText => Encoding.UTF8.GetString(Stdout);

    /// <summary>Everything a failing assertion needs to be understood without re-running.</summary>
    public override string ToString() =>
        $"$ {Command}\nexit code: {ExitCode} after {Elapsed.TotalSeconds:F1} s\n--- stdout ({Stdout.Length} bytes) ---\n{Truncate(StdoutText)}\n--- stderr ---\n{Truncate(Stderr)}";

    private static string Truncate(string text) => text.Length > 4000 ? text[..4000] + "..." : text;
}

/// <summary>Runs a program other than taxiscan itself (a shell, the dotnet CLI) with a time limit.</summary>
internal static class ProcessRun
{
    /// <summary>The directory holding the built taxiscan apphost: put first on PATH so that `taxiscan` is the build under test.</summary>
    public static string TaxiScanDirectory => Path.GetDirectoryName(RepoPaths.TaxiScanBinary)!;

    /// <summary>Runs <paramref name="program"/> with <paramref name="environment"/>: variables to set, or (a null value) to remove.</summary>
    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, string program, params string[] arguments) =>
        RunAsync(workingDirectory, environment, timeout, program, arguments).GetAwaiter().GetResult();

    /// <summary>The environment with <paramref name="directory"/> first on PATH.</summary>
    public static Dictionary<string, string?> WithOnPath(string directory) =>
        new() { ["PATH"] = directory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };

    private static async Task<ProcessResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
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

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = new MemoryStream();
        var stdoutCopy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {timeout}");
        }

        await stdoutCopy;
        return new ProcessResult($"{program} {string.Join(' ', arguments)}", process.ExitCode, stdout.ToArray(), await stderr, clock.Elapsed);
    }
}
