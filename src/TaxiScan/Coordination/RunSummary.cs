using System.Globalization;
using Serilog;
using TaxiScan.Model;
using TaxiScan.Platform;

namespace TaxiScan.Coordination;

/// <summary>The end-of-run totals printed on stderr: what was read, what matched, what went wrong, how fast.</summary>
internal sealed record RunSummary(int Files, UnitStats Totals, int Errors, TimeSpan Wall)
{
    /// <summary>The summary line on stderr (not under <c>-q</c>), and the same numbers as a debug event for the log file.</summary>
    public void Print(ILogger log, bool quiet)
    {
        if (!quiet)
        {
            Console.Error.WriteLine(ToString());
        }

        log.Debug("Run finished: {Files} files, {Bytes} bytes, {Rows} rows, {Matched} matched, {Malformed} malformed, {Errors} errors, {ElapsedMs} ms",
            Files, Totals.Bytes, Totals.Rows, Totals.Matched, Totals.Malformed, Errors, Wall.TotalMilliseconds);
    }

    public override string ToString()
    {
        var seconds = Math.Max(Wall.TotalSeconds, 1e-6);
        return UserMessage.Of(string.Create(CultureInfo.InvariantCulture,
            $"{Files} files, {Totals.Bytes / 1e6:0.0} MB, {Totals.Rows:N0} rows read, {Totals.Matched:N0} matched, " +
            $"{Totals.Malformed:N0} malformed, {Errors} errors in {seconds:0.00} s ({Totals.Bytes / 1e6 / seconds:0.0} MB/s)"));
    }
}
