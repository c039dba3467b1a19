using System.Diagnostics;

namespace TaxiScan.Platform;

/// <summary>
/// Runs a program to its end with an argument list (no shell ever sees the arguments), capturing its stdout
/// and stderr. On cancellation the child and everything it started are killed before the
/// <see cref="OperationCanceledException"/> is rethrown: a cancelled run leaves no process behind.
/// </summary>
internal static class ChildProcess
{
    /// <summary>What a finished child left.</summary>
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <exception cref="System.ComponentModel.Win32Exception">The program cannot be started.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled; the child's tree is killed.</exception>
    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");

        // Both pipes are drained at once, without the token: a child that fills one pipe while we wait on
        // the other would block forever. Killing the tree on cancellation closes them, so these end too.
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended between the cancellation and the kill: nothing is left to stop.
        }
    }
}
