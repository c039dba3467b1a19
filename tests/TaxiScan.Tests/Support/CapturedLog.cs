using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace TaxiScan.Tests.Support;

/// <summary>A Serilog logger that keeps each event as <c>LEVEL: rendered message</c>, for unit tests of the parts that log.</summary>
internal sealed class CapturedLog : ILogEventSink
{
    public CapturedLog() =>
        Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();

    public ILogger Logger { get; }

    public List<string> Lines { get; } = [];

    public void Emit(LogEvent logEvent) => Lines.Add($"{logEvent.Level}: {logEvent.RenderMessage()}");
}
