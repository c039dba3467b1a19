namespace TaxiScan.Protocol;

/// <summary>Protocol stage: a worker begins a unit (<see cref="UnitStartedCodec"/>).</summary>
internal sealed record UnitStartedMessage(int Worker, int Unit) : WorkerMessage(Worker);
