namespace TaxiScan.Progress;

/// <summary>No bars: stderr is not a terminal, or <c>--progress never</c>.</summary>
internal sealed class NullProgressView : IProgressView
{
    public bool IsDrawing => false;

    public void WorkerStarted(int worker, int pid, long partitionBytes)
    {
    }

    public void UnitStarted(int worker, string displayPath)
    {
    }

    public void Progress(int worker, long bytes, long rows, long matches)
    {
    }

    public void WorkerFinished(int worker, bool succeeded)
    {
    }

    public void WriteLine(string line) => Console.Error.WriteLine(line);

    public void Dispose()
    {
    }
}
