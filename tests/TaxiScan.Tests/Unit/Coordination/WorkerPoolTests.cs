using TaxiScan.Coordination;
using TaxiScan.Model;
using TaxiScan.Protocol;

namespace TaxiScan.Tests.Unit.Coordination;

/// <summary>The pool with scripted workers: no process is started.</summary>
public class WorkerPoolTests
{
    private const int Version = 3;

    [Fact]
    public async Task Each_workers_messages_arrive_in_order_and_end_with_its_exit()
    {
        var worker = new ScriptedWorker(0, new HelloMessage(0, Version, 100), new UnitStartedMessage(0, 0), new PartitionFinishedMessage(0, 1, default));
        using var pool = new WorkerPool(_ => worker, Version);
        pool.Start(Job(0));

        var messages = new List<WorkerMessage>();
        while (pool.Running > 0)
        {
            messages.Add(await pool.ReadAsync(CancellationToken.None));
        }

        Assert.Equal(4, messages.Count);
        Assert.IsType<UnitStartedMessage>(messages[1]);
        Assert.Equal(new WorkerExitedMessage(0, 100, 0, Completed: true, StderrTail: ""), messages[3]);
    }

    [Fact]
    public async Task A_worker_whose_pipe_ends_before_its_partition_summary_did_not_complete()
    {
        var worker = new ScriptedWorker(0, new HelloMessage(0, Version, 100)) { ExitCode = 137 };
        using var pool = new WorkerPool(_ => worker, Version);
        pool.Start(Job(0));

        await pool.ReadAsync(CancellationToken.None);
        var exited = Assert.IsType<WorkerExitedMessage>(await pool.ReadAsync(CancellationToken.None));

        Assert.False(exited.Completed);
        Assert.Equal(137, exited.ExitCode);
        Assert.Equal(0, pool.Running);
    }

    [Fact]
    public async Task A_truncated_last_frame_means_the_worker_did_not_complete()
    {
        var worker = new ScriptedWorker(0, new PartitionFinishedMessage(0, 1, default)) { TruncatedAtEnd = true };
        using var pool = new WorkerPool(_ => worker, Version);
        pool.Start(Job(0));

        await pool.ReadAsync(CancellationToken.None);
        var exited = Assert.IsType<WorkerExitedMessage>(await pool.ReadAsync(CancellationToken.None));

        Assert.False(exited.Completed);
    }

    [Fact]
    public async Task A_worker_with_corrupt_frames_is_killed_and_counts_as_not_completed()
    {
        var worker = new ScriptedWorker(0, new HelloMessage(0, Version, 100)) { CorruptAtEnd = true };
        using var pool = new WorkerPool(_ => worker, Version);
        pool.Start(Job(0));

        await pool.ReadAsync(CancellationToken.None);
        var exited = Assert.IsType<WorkerExitedMessage>(await pool.ReadAsync(CancellationToken.None));

        Assert.False(exited.Completed);
        Assert.True(worker.Killed);
    }

    [Fact]
    public async Task A_worker_of_another_protocol_version_is_refused_naming_it_and_both_versions()
    {
        var worker = new ScriptedWorker(1, new HelloMessage(1, 2, 4242), new PartitionFinishedMessage(1, 0, default));
        using var pool = new WorkerPool(_ => worker, Version);
        pool.Start(Job(1));

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await pool.ReadAsync(CancellationToken.None));

        Assert.Equal("worker 1 (pid 4242) speaks protocol version 2, this taxiscan speaks version 3; was taxiscan replaced during the run?", error.Message);
    }

    [Fact]
    public async Task Disposing_the_pool_kills_and_disposes_every_worker_it_started_and_returns_waiting_rows()
    {
        var rows = new RowsMessage(0, 0, System.Buffers.ArrayPool<byte>.Shared.Rent(16), 0, 16);
        var workers = new[] { new ScriptedWorker(0, rows) { Blocks = true }, new ScriptedWorker(1) { Blocks = true } };
        var pool = new WorkerPool(job => workers[job.WorkerIndex], Version);
        pool.Start(Job(0));
        pool.Start(Job(1));
        Assert.Equal(2, pool.Running);

        pool.Dispose();

        Assert.All(workers, worker => Assert.True(worker.Killed && worker.Disposed));
        await Task.WhenAll(workers.Select(worker => worker.Stopped.Task)).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Cancelling_the_read_gives_up_waiting_for_the_workers()
    {
        var worker = new ScriptedWorker(0) { Blocks = true };
        using var pool = new WorkerPool(_ => worker, Version);
        pool.Start(Job(0));
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pool.ReadAsync(stop.Token));
    }

    private static WorkerJob Job(int worker) => new(worker, new MatchSpec { Ids = ["7"] }, RowDelivery.AllRows, [], null, false);

    /// <summary>A worker that sends its script, then ends its pipe (or blocks until cancelled, or breaks its frames).</summary>
    private sealed class ScriptedWorker(int index, params WorkerMessage[] script) : IWorker
    {
        private int _next;

        public int Index => index;

        public int Pid => 100;

        public bool Truncated { get; private set; }

        public bool TruncatedAtEnd { get; init; }

        public bool CorruptAtEnd { get; init; }

        public bool Blocks { get; init; }

        public int ExitCode { get; init; }

        public bool Killed { get; private set; }

        public bool Disposed { get; private set; }

        public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<WorkerMessage?> ReadAsync(CancellationToken cancellation)
        {
            if (_next < script.Length)
            {
                return script[_next++];
            }

            if (Blocks)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellation);
                }
                finally
                {
                    Stopped.TrySetResult();
                }
            }

            if (CorruptAtEnd)
            {
                throw new InvalidDataException("frame type 99");
            }

            Truncated = TruncatedAtEnd;
            return null;
        }

        public Task<(int ExitCode, string StderrTail)> WaitForExitAsync() => Task.FromResult((ExitCode, ""));

        public void Kill() => Killed = true;

        public void Dispose() => Disposed = true;
    }
}
