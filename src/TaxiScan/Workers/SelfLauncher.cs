using System.Diagnostics;

namespace TaxiScan.Workers;

/// <summary>
/// Builds the command that re-launches this same program in worker mode, whichever way it was started:
/// the apphost (also under <c>dotnet run</c>), <c>dotnet taxiscan.dll</c>, or a single-file/NativeAOT binary.
/// </summary>
internal static class SelfLauncher
{
    /// <summary>The hidden command a worker runs.</summary>
    public const string WorkerVerb = "__worker";

    public static ProcessStartInfo WorkerStartInfo(IEnumerable<string> arguments)
    {
        var processPath = Environment.ProcessPath
            ?? throw new InvalidOperationException("cannot tell which executable is running");
        var start = new ProcessStartInfo(processPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,   // carries the job, then signals the coordinator's death by EOF
            RedirectStandardOutput = true,  // a worker must never reach the real stdout (the data stream)
            RedirectStandardError = true,   // nor the terminal: its stderr is captured for failure reports
        };

        // Under `dotnet taxiscan.dll` the running executable is the dotnet muxer: hand it the assembly.
        // (Assembly.Location is empty under NativeAOT, but then the process path is the binary itself.)
        if (Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "taxiscan.dll"));
        }

        start.ArgumentList.Add(WorkerVerb);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
