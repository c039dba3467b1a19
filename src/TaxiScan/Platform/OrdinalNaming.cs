namespace TaxiScan.Platform;

/// <summary>
/// Linux's naming rule (and that of every platform not named otherwise): a name is its bytes, so
/// <c>Data.csv</c> and <c>data.csv</c> are two files.
/// </summary>
internal sealed class OrdinalNaming : IFileSystemNaming
{
    public static OrdinalNaming Instance { get; } = new();

    private OrdinalNaming()
    {
    }

    public bool SameName(string one, string other) => string.Equals(one, other, StringComparison.Ordinal);
}
