using TaxiScan.Model;

namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: a problem (or a note) in a unit (<see cref="DiagnosticCodec"/>); <paramref name="Line"/>
/// is 0 when it is about no line, <paramref name="Kind"/> set when it is about a malformed row.
/// </summary>
internal sealed record DiagnosticMessage(int Worker, int Unit, long Line, DiagnosticLevel Level, string Text, MalformedKind? Kind = null) : WorkerMessage(Worker);
