using System.Diagnostics;
using System.Text;

namespace TaxiScan.Tests.Support;

/// <summary>The outcome of one run of the real binary: exact stdout bytes, stderr text, exit code.</summary>
internal sealed record TaxiScanResult(string Command, int ExitCode, byte[] Stdout, string Stderr)
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

    public static Process Start(string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(RepoPaths.TaxiScanBinary)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    public static async Task<TaxiScanResult> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, Action<Process>? whileRunning = null)
    {
        using var process = Start(workingDirectory, arguments);
        var stdout = new MemoryStream();
        var stdoutCopy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
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
        return new TaxiScanResult("taxiscan " + string.Join(' ', arguments), process.ExitCode, stdout.ToArray(), await stderr);
    }
}
