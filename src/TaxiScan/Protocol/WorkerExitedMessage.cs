namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage, but not a frame: the coordinator's note that a worker process has exited and its
/// pipe has ended. <paramref name="Completed"/> says whether <see cref="PartitionFinishedMessage"/> arrived.
/// </summary>
internal sealed record WorkerExitedMessage(int Worker, int Pid, int ExitCode, bool Completed, string StderrTail) : WorkerMessage(Worker);
