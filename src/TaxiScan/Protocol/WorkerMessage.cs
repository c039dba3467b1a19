namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: a decoded frame (or the end of a worker), as the coordinator's writer loop consumes
/// it. One record per frame type, each in its own file, made by that frame's codec.
/// </summary>
internal abstract record WorkerMessage(int Worker);
