namespace TaxiScan.Protocol;

/// <summary>Protocol stage: a worker's partition totals so far (<see cref="ProgressCodec"/>).</summary>
internal sealed record ProgressMessage(int Worker, long Bytes, long Rows, long Matches) : WorkerMessage(Worker);
