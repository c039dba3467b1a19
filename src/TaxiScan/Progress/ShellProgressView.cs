using System.Diagnostics;
using ShellProgressBar;

namespace TaxiScan.Progress;

/// <summary>
/// One overall bar and one child bar per worker, at fixed rows, drawn by ShellProgressBar in this
/// (the coordinating) process only: bytes done of total, MB/s, matches so far, current file, ETA.
/// </summary>
internal sealed class ShellProgressView : IProgressView
{
    private const int Ticks = 1000;

    private readonly ProgressBar _overall;
    private readonly ChildProgressBar[] _bars;
    private readonly WorkerState[] _workers;
    private readonly long _totalBytes;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();

    public ShellProgressView(int workers, long totalBytes)
    {
        _totalBytes = Math.Max(1, totalBytes);
        var overallOptions = new ProgressBarOptions
        {
            ForegroundColor = ConsoleColor.Cyan,
            ProgressCharacter = '─',
            CollapseWhenFinished = false,
            DisplayTimeInRealTime = true,
        };
        var childOptions = new ProgressBarOptions
        {
            ForegroundColor = ConsoleColor.Green,
            ProgressCharacter = '─',
            CollapseWhenFinished = false,
        };
        _overall = new ProgressBar(Ticks, "starting workers", overallOptions);
        _bars = new ChildProgressBar[workers];
        _workers = new WorkerState[workers];
        for (var i = 0; i < workers; i++)
        {
            _workers[i] = new WorkerState();
            _bars[i] = _overall.Spawn(Ticks, $"worker {i}: starting", childOptions);
        }
    }

    public bool IsDrawing => true;

    public void WorkerStarted(int worker, int pid, long partitionBytes)
    {
        if (!HasBar(worker))
        {
            return;
        }

        lock (_gate)
        {
            _workers[worker].Pid = pid;
            _workers[worker].TotalBytes = Math.Max(1, partitionBytes);
            _workers[worker].Clock.Restart();
        }
    }

    public void UnitStarted(int worker, string displayPath)
    {
        if (!HasBar(worker))
        {
            return;
        }

        lock (_gate)
        {
            _workers[worker].CurrentFile = Path.GetFileName(displayPath);
        }
    }

    public void Progress(int worker, long bytes, long rows, long matches)
    {
        if (!HasBar(worker))
        {
            return;
        }

        lock (_gate)
        {
            var state = _workers[worker];
            state.Bytes = bytes;
            state.Matches = matches;
            Redraw(worker);
        }
    }

    public void WorkerFinished(int worker, bool succeeded)
    {
        if (!HasBar(worker))
        {
            return;
        }

        lock (_gate)
        {
            var state = _workers[worker];
            state.Done = true;
            state.Failed = !succeeded;
            if (succeeded)
            {
                state.Bytes = state.TotalBytes;
            }

            Redraw(worker);
        }
    }

    public void WriteLine(string line) => _overall.WriteErrorLine(line);

    public void Dispose() => _overall.Dispose();

    // A worker started after the others (to read on through a file whose byte range held quotes) has no bar of its own.
    private bool HasBar(int worker) => (uint)worker < (uint)_workers.Length;

    private void Redraw(int worker)
    {
        var state = _workers[worker];
        var seconds = Math.Max(0.001, state.Clock.Elapsed.TotalSeconds);
        var rate = state.Bytes / seconds;
        var status = state.Failed ? "FAILED" : state.Done ? "done" : Eta(state.TotalBytes - state.Bytes, rate);
        _bars[worker].Tick(
            Permille(state.Bytes, state.TotalBytes),
            $"w{worker} pid {state.Pid} {Megabytes(rate)}/s {state.Matches} matches {status} {state.CurrentFile}");

        long bytes = 0;
        long matches = 0;
        foreach (var each in _workers)
        {
            bytes += each.Bytes;
            matches += each.Matches;
        }

        var totalRate = bytes / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        _overall.Tick(
            Permille(bytes, _totalBytes),
            $"{Megabytes(bytes)} of {Megabytes(_totalBytes)}, {Megabytes(totalRate)}/s, {matches} matches, ETA {Eta(_totalBytes - bytes, totalRate)}");
    }

    private static int Permille(long done, long total) => (int)Math.Clamp(done * Ticks / Math.Max(1, total), 0, Ticks);

    private static string Megabytes(double bytes) => $"{bytes / 1e6:0.0} MB";

    private static string Eta(long bytesLeft, double rate) =>
        rate <= 0 ? "--:--" : TimeSpan.FromSeconds(Math.Min(bytesLeft / rate, 359_999)).ToString(@"mm\:ss");

    private sealed class WorkerState
    {
        public int Pid;
        public long TotalBytes = 1;
        public long Bytes;
        public long Matches;
        public string CurrentFile = "";
        public bool Done;
        public bool Failed;
        public readonly Stopwatch Clock = Stopwatch.StartNew();
    }
}
