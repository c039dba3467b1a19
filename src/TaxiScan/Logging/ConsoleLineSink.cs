using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;
using TaxiScan.Platform;

namespace TaxiScan.Logging;

/// <summary>
/// Serilog's stderr sink for people: one line per event, <c>taxiscan: FILE:LINE: reason</c>. Lines go
/// through the progress view while bars are drawn, so they land above the bars instead of under a redraw.
/// With <see cref="MessageOnly"/> it hands the same lines, unprefixed, to the <c>--stats</c> report.
/// </summary>
internal sealed class ConsoleLineSink(Action<string> writeLine, string template = ConsoleLineSink.Prefixed) : ILogEventSink
{
    /// <summary>The stderr line.</summary>
    public const string Prefixed = UserMessage.Prefix + "{Message:lj}";

    /// <summary>The same line without the program's name.</summary>
    public const string MessageOnly = "{Message:lj}";

    private readonly MessageTemplateTextFormatter _format = new(template, null);
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter();
        _format.Format(logEvent, text);
        lock (_gate)
        {
            writeLine(OneLine(text.ToString()));
        }
    }

    /// <summary>
    /// Control characters (a file name may hold a line break) written as escapes, so that every event is
    /// one line on stderr whatever the names in it.
    /// </summary>
    internal static string OneLine(string message)
    {
        if (!message.AsSpan().ContainsAnyInRange('\0', '\u001f'))
        {
            return message;
        }

        var line = new System.Text.StringBuilder(message.Length + 8);
        foreach (var c in message)
        {
            line.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return line.ToString();
    }
}
