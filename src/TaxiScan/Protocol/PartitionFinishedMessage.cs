using TaxiScan.Model;

namespace TaxiScan.Protocol;

/// <summary>Protocol stage: a worker's last frame (<see cref="PartitionFinishedCodec"/>): its partition is complete; its totals.</summary>
internal sealed record PartitionFinishedMessage(int Worker, int Units, UnitStats Totals) : WorkerMessage(Worker);
