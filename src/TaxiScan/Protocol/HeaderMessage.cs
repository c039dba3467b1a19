namespace TaxiScan.Protocol;

/// <summary>Protocol stage: a unit's header line, with its terminator (<see cref="HeaderCodec"/>; a copy: headers are small and rare).</summary>
internal sealed record HeaderMessage(int Worker, int Unit, byte[] Header) : WorkerMessage(Worker);
