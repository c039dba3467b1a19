namespace TaxiScan.Platform;

/// <summary>
/// The naming rule of macOS (APFS, HFS+) and Windows (NTFS) as they are set up by default: case is kept
/// but not compared, so <c>Data.csv</c> and <c>data.csv</c> are one file. APFS also takes an "é" typed as
/// one code point and as "e" plus an accent for one name; that is not modelled (the build is
/// InvariantGlobalization, without normalization tables), but it only matters for a file not made yet:
/// an existing one is compared by <see cref="FileIdentity"/>.
/// </summary>
internal sealed class CaseInsensitiveNaming : IFileSystemNaming
{
    public static CaseInsensitiveNaming Instance { get; } = new();

    private CaseInsensitiveNaming()
    {
    }

    public bool SameName(string one, string other) => string.Equals(one, other, StringComparison.OrdinalIgnoreCase);
}
