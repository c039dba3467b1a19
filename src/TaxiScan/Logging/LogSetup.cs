using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace TaxiScan.Logging;

/// <summary>
/// Builds the Serilog loggers. The coordinator logs warnings and errors (with <c>-v</c>, information too)
/// to stderr, one line each; with <c>--log-file</c> the coordinator and every worker also append compact
/// JSON events to the same file (<c>shared: true</c> keeps concurrent appends whole). The file gets every
/// level from debug up (worker starts, per-file timings, the run summary) whatever <c>-v</c> says.
/// </summary>
internal static class LogSetup
{
    /// <param name="logFile">The <c>--log-file</c>, or null.</param>
    /// <param name="verbose">Information events on stderr too.</param>
    /// <param name="writeLine">Writes one line on stderr.</param>
    /// <param name="onError">Gets each error as its stderr line without the <c>taxiscan: </c> prefix (for <c>--stats</c>).</param>
    public static Logger ForCoordinator(string? logFile, bool verbose, Action<string> writeLine, Action<string> onError)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .Enrich.WithProperty("Process", "coordinator")
            .Enrich.WithProperty("Pid", Environment.ProcessId)
            .WriteTo.Sink(new ConsoleLineSink(writeLine), verbose ? LogEventLevel.Information : LogEventLevel.Warning)
            .WriteTo.Sink(new ConsoleLineSink(onError, ConsoleLineSink.MessageOnly), LogEventLevel.Error);
        return AddFile(configuration, logFile).CreateLogger();
    }

    public static Logger ForWorker(string? logFile, int workerIndex)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .Enrich.WithProperty("Process", "worker")
            .Enrich.WithProperty("Worker", workerIndex)
            .Enrich.WithProperty("Pid", Environment.ProcessId);
        return AddFile(configuration, logFile).CreateLogger();
    }

    private static LoggerConfiguration AddFile(LoggerConfiguration configuration, string? logFile) =>
        logFile is null ? configuration : configuration.WriteTo.File(new CompactJsonFormatter(), logFile, shared: true);
}
