using Serilog;
using TaxiScan.Model;
using TaxiScan.Protocol;
using TaxiScan.Stats;

namespace TaxiScan.Coordination;

/// <summary>
/// Coordination stage: the run's single error path. Every error, warning and note of the coordinator goes out
/// here (as <c>FILE:LINE: reason</c> where a file and line are known), and errors are counted; what a file
/// reported is also fed to the <c>--stats</c> report. The headers of the files are collected to warn, at the
/// end, about files whose header differs from the first one.
/// </summary>
internal sealed class DiagnosticReporter(ILogger log, RunStatistics statistics)
{
    /// <summary>How many "headers differ" warnings name a file; the rest are counted in one line.</summary>
    public const int NamedHeaderWarnings = 3;

    private readonly SortedDictionary<int, byte[]> _headers = [];

    public int Errors { get; private set; }

    /// <summary>For notes and warnings that are not counted (Serilog message templates).</summary>
    public ILogger Log => log;

    /// <summary>An error of the run: logged and counted.</summary>
    public void Error(string template, params object?[] values)
    {
        Errors++;
        log.Error(template, values);
    }

    /// <summary>A worker's diagnostic for <paramref name="unit"/>, whose line numbers count from its range's start
    /// (<paramref name="linesBefore"/> lines into the file).</summary>
    public void Report(DiagnosticMessage diagnostic, WorkUnit unit, long linesBefore)
    {
        var where = diagnostic.Line > 0 ? $"{unit.DisplayPath}:{diagnostic.Line + linesBefore}" : unit.DisplayPath;
        statistics.Diagnostic(unit.Index, diagnostic);
        switch (diagnostic.Level)
        {
            case DiagnosticLevel.Error:
                Error("{Where:l}: {Reason:l}", where, diagnostic.Text);
                break;
            case DiagnosticLevel.Info:
                log.Information("{Where:l}: {Reason:l}", where, diagnostic.Text);
                break;
            default:
                log.Warning("{Where:l}: {Reason:l}", where, diagnostic.Text);
                break;
        }
    }

    /// <summary>The per-kind summary of a file's malformed rows, if it had any.</summary>
    public void Malformed(WorkUnit unit, MalformedCounts byKind)
    {
        if (byKind.Summary() is { } summary)
        {
            log.Warning("{Where:l}: {Reason:l}", unit.DisplayPath, summary);
        }
    }

    public void Header(int unit, byte[] header) => _headers[unit] = header;

    // Files of one run usually share a header; when they do not, the single header printed describes
    // only some of the rows, which the user should hear about.
    public void WarnAboutDifferentHeaders(IReadOnlyList<WorkUnit> units)
    {
        if (_headers.Count < 2)
        {
            return;
        }

        var first = _headers.First();
        var different = _headers.Where(pair => !Trimmed(pair.Value).SequenceEqual(Trimmed(first.Value))).ToList();
        foreach (var (unit, _) in different.Take(NamedHeaderWarnings))
        {
            log.Warning("{File:l}: its header differs from that of {First:l}", units[unit].DisplayPath, units[first.Key].DisplayPath);
        }

        if (different.Count > NamedHeaderWarnings)
        {
            log.Warning("{Count} more files have a header different from that of {First:l}", different.Count - NamedHeaderWarnings, units[first.Key].DisplayPath);
        }

        static ReadOnlySpan<byte> Trimmed(byte[] header) => header.AsSpan().TrimEnd("\r\n"u8);
    }
}
