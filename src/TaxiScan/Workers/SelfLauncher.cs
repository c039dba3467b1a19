using System.Diagnostics;
using TaxiScan.Platform;

namespace TaxiScan.Workers;

/// <summary>
/// Builds the command that re-launches this same program in worker mode (how to start this program at all
/// is <see cref="SelfCommand"/>'s), with the pipes a worker needs.
/// </summary>
internal static class SelfLauncher
{
    /// <summary>The hidden command a worker runs.</summary>
    public const string WorkerVerb = "__worker";

    public static ProcessStartInfo WorkerStartInfo(IEnumerable<string> arguments)
    {
        var self = SelfCommand.Current();
        var start = new ProcessStartInfo(self.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,   // carries the job, then signals the coordinator's death by EOF
            RedirectStandardOutput = true,  // a worker must never reach the real stdout (the data stream)
            RedirectStandardError = true,   // nor the terminal: its stderr is captured for failure reports
        };

        // The runtime's diagnostic server (a JIT build's debugger and dotnet-trace endpoints) makes
        // clr-debug-pipe-* and dotnet-diagnostic-* files in TMPDIR for each process and removes them only at a
        // normal exit. Workers are killed on every early end (-q, | head, Ctrl-C, an error, a retry), so with it
        // on, each run would leave three files per worker behind (a -q loop in cron fills the directory). A
        // NativeAOT build makes none; the coordinator exits normally and removes its own.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";

        foreach (var argument in (IEnumerable<string>)[.. self.LeadingArguments, WorkerVerb, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
