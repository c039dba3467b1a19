using TaxiScan.Model;

namespace TaxiScan.Protocol;

/// <summary>Protocol stage: a unit is done (<see cref="UnitFinishedCodec"/>): how it ended, its counts, its malformed rows by kind.</summary>
internal sealed record UnitFinishedMessage(int Worker, int Unit, UnitStatus Status, UnitStats Stats, MalformedCounts ByKind = default) : WorkerMessage(Worker);
