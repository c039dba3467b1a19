namespace TaxiScan.Output;

/// <summary>Where committed rows go: stdout, or a file that appears only when the run succeeds.</summary>
internal interface IOutputTarget : IDisposable
{
    Stream Stream { get; }

    /// <summary>Makes the output final (renames the temporary file into place).</summary>
    void Commit();

    /// <summary>Gives up: no new output file appears and an existing one is left untouched.</summary>
    void Abort();
}
