using TaxiScan.Protocol;
using TaxiScan.Workers;

namespace TaxiScan.Coordination;

/// <summary>
/// Coordination stage: the worker pool's seam onto one worker. The run's workers are child processes
/// (<see cref="ProcessWorker"/>); the pool's unit tests give it scripted ones.
/// </summary>
internal interface IWorker : IDisposable
{
    int Index { get; }

    int Pid { get; }

    /// <summary>Whether the frames ended inside a frame (the worker died mid-write).</summary>
    bool Truncated { get; }

    /// <returns>The next message, or null at the end of the worker's pipe.</returns>
    /// <exception cref="InvalidDataException">The frames are corrupt.</exception>
    ValueTask<WorkerMessage?> ReadAsync(CancellationToken cancellation);

    /// <summary>Waits for the worker to exit; called only after its pipe has ended, so it does not hang.</summary>
    Task<(int ExitCode, string StderrTail)> WaitForExitAsync();

    void Kill();
}

/// <summary>A worker child process (<see cref="WorkerProcess"/>) behind <see cref="IWorker"/>.</summary>
internal sealed class ProcessWorker(WorkerProcess process) : IWorker
{
    public static IWorker Start(WorkerJob job) => new ProcessWorker(WorkerProcess.Start(job));

    public int Index => process.Index;

    public int Pid => process.Pid;

    public bool Truncated => process.Frames.Truncated;

    public ValueTask<WorkerMessage?> ReadAsync(CancellationToken cancellation) => process.Frames.ReadAsync(cancellation);

    public Task<(int ExitCode, string StderrTail)> WaitForExitAsync() => process.WaitForExitAsync();

    public void Kill() => process.Kill();

    public void Dispose() => process.Dispose();
}
