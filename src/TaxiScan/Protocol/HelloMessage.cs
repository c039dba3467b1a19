namespace TaxiScan.Protocol;

/// <summary>Protocol stage: a worker's first frame (<see cref="HelloCodec"/>): the protocol version it was built with, and its pid.</summary>
internal sealed record HelloMessage(int Worker, int ProtocolVersion, int Pid) : WorkerMessage(Worker);
