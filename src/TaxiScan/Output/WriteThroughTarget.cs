namespace TaxiScan.Output;

/// <summary>
/// The base of the outputs that rows go straight into (stdout, a device or FIFO named by <c>-o</c>):
/// committing is flushing, and aborting cannot take back what was written.
/// </summary>
internal abstract class WriteThroughTarget(Stream stream) : IOutputTarget
{
    public Stream Stream { get; } = stream;

    public void Commit() => Stream.Flush();

    public void Abort()
    {
        // Rows already written cannot be taken back; what is buffered is dropped with the process.
    }

    public void Dispose()
    {
        try
        {
            Stream.Dispose();
        }
        catch (IOException)
        {
            // The final flush failed (the reader is gone, the device is full); the error was reported when the rows were written.
        }
    }
}
