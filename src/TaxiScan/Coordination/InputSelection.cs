using TaxiScan.Discovery;
using TaxiScan.Model;

namespace TaxiScan.Coordination;

/// <summary>
/// Coordination stage, first step: the inputs of the run. Discovery's warnings and errors are reported (an
/// unreadable path is an error, and the run goes on with the rest), and <c>--id-from-path</c> keeps the files
/// whose path names a chosen vehicle.
/// </summary>
internal static class InputSelection
{
    /// <returns>The units to scan, or null when the run cannot go on (the reason is reported).</returns>
    public static IReadOnlyList<WorkUnit>? Select(InputDiscovery discovery, ScanOptions options, DiagnosticReporter reporter)
    {
        foreach (var warning in discovery.Warnings)
        {
            reporter.Log.Warning("{Message:l}", warning);
        }

        foreach (var error in discovery.Errors)
        {
            reporter.Error("{Message:l}", error);
        }

        if (options.IdFromPath is not { } pattern)
        {
            return discovery.Units;
        }

        try
        {
            var (kept, unmatched) = PathIdSelector.Select(discovery.Units, pattern, options.Match);
            reporter.Log.Information("--id-from-path: {Kept} of {Files} files hold the ids; {Unmatched} paths do not match the expression", kept.Count, discovery.Units.Count, unmatched);
            return kept;
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException e)
        {
            // Not counted as an error of the run: the run stops here, and exits 2 for it.
            reporter.Log.Error("--id-from-path: the expression took over {Seconds} s on {Path:l}; simplify it", PathIdSelector.MatchTimeout.TotalSeconds, e.Input);
            return null;
        }
    }
}
