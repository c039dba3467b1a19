namespace TaxiScan.Progress;

/// <summary>
/// The progress stage, fed by the coordinator from the workers' progress frames. Only
/// <see cref="ShellProgressView"/> knows ShellProgressBar; runs without bars use <see cref="NullProgressView"/>.
/// </summary>
internal interface IProgressView : IDisposable
{
    /// <summary>Whether bars are on screen, so that message lines must go through <see cref="WriteLine"/>.</summary>
    bool IsDrawing { get; }

    void WorkerStarted(int worker, int pid, long partitionBytes);

    void UnitStarted(int worker, string displayPath);

    void Progress(int worker, long bytes, long rows, long matches);

    void WorkerFinished(int worker, bool succeeded);

    /// <summary>Prints a message line above the bars without tearing them.</summary>
    void WriteLine(string line);
}
