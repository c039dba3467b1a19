using System.Threading.Channels;
using TaxiScan.Protocol;

namespace TaxiScan.Coordination;

/// <summary>
/// Coordination stage: the run's workers. Starts them (one per partition, and more during the run for retries
/// and read-ons), pumps every worker's frames into one bounded channel, ends each worker's stream with a
/// <see cref="WorkerExitedMessage"/>, refuses a worker of another protocol version, and on dispose kills and
/// reaps every worker it started: on every way out (a signal, a broken pipe, an error) no worker outlives the run.
/// </summary>
internal sealed class WorkerPool(Func<WorkerJob, IWorker> start, int expectedVersion) : IDisposable
{
    // Bounded: a Rows message holds up to ProtocolLimits.RowsBatchBytes (256 KiB), so 64 of them cap what waits
    // here at 16 MiB; past that the pumps stop reading, the pipes fill and the workers wait (memory stays bounded).
    private readonly Channel<WorkerMessage> _messages = Channel.CreateBounded<WorkerMessage>(new BoundedChannelOptions(ProtocolLimits.MessageQueueLength) { SingleReader = true });
    private readonly CancellationTokenSource _abort = new();
    private readonly List<IWorker> _workers = [];
    private readonly List<Task> _pumps = [];

    /// <summary>Workers started whose exit has not been read yet.</summary>
    public int Running { get; private set; }

    public IWorker Start(WorkerJob job)
    {
        var worker = start(job);
        _workers.Add(worker);
        Running++;
        _pumps.Add(PumpAsync(worker, _abort.Token));
        return worker;
    }

    /// <summary>The next message of any worker, in the order they arrived.</summary>
    /// <exception cref="InvalidDataException">A worker speaks another protocol version (the binary was replaced during the run).</exception>
    public async ValueTask<WorkerMessage> ReadAsync(CancellationToken cancellation)
    {
        var message = await _messages.Reader.ReadAsync(cancellation);
        switch (message)
        {
            case HelloMessage hello when hello.ProtocolVersion != expectedVersion:
                // Not a dead worker to retry: any worker started from that binary would say the same.
                throw new InvalidDataException(
                    $"worker {hello.Worker} (pid {hello.Pid}) speaks protocol version {hello.ProtocolVersion}, this taxiscan speaks version {expectedVersion}; was taxiscan replaced during the run?");
            case WorkerExitedMessage:
                Running--;
                break;
        }

        return message;
    }

    /// <summary>Waits for every pump to finish (after the last worker's exit was read).</summary>
    public Task DrainAsync() => Task.WhenAll(_pumps);

    public void Dispose()
    {
        _abort.Cancel();
        foreach (var worker in _workers)
        {
            worker.Kill();
        }

        foreach (var worker in _workers)
        {
            worker.Dispose();
        }

        while (_messages.Reader.TryRead(out var left))
        {
            (left as RowsMessage)?.Release();
        }

        // _abort is not disposed: a pump may still be on its way out and look at its token.
    }

    // Reads one worker's frames into the shared channel, then adds a note of its exit. The exit code is
    // only awaited after the pipe's EOF, which comes when the worker exits or dies, so this never hangs.
    private async Task PumpAsync(IWorker worker, CancellationToken cancellation)
    {
        var completed = false;
        try
        {
            while (await worker.ReadAsync(cancellation) is { } message)
            {
                completed |= message is PartitionFinishedMessage;
                await _messages.Writer.WriteAsync(message, cancellation);
            }
        }
        catch (InvalidDataException)
        {
            // A corrupt stream: the worker cannot be trusted with anything more.
            worker.Kill();
            completed = false;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var (exitCode, stderrTail) = await worker.WaitForExitAsync();
        try
        {
            await _messages.Writer.WriteAsync(new WorkerExitedMessage(worker.Index, worker.Pid, exitCode, completed && !worker.Truncated, stderrTail), cancellation);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
