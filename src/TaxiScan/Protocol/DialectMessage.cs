using TaxiScan.Model;

namespace TaxiScan.Protocol;

/// <summary>Protocol stage: a file's dialect, as its worker settled it (<see cref="DialectCodec"/>, <see cref="FrameType.Dialect"/>).</summary>
internal sealed record DialectMessage(int Worker, int Unit, Dialect Dialect) : WorkerMessage(Worker)
{
    /// <summary>The verbose-level note that tells the user, e.g. <c>','-separated, header, id in column 1, 8 fields</c>.</summary>
    public DiagnosticMessage AsNote() => new(Worker, Unit, 0, DiagnosticLevel.Info, Dialect.Describe());
}
