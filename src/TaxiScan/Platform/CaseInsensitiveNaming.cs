namespace TaxiScan.Platform;

/// <summary>
/// The naming rule of macOS (APFS, HFS+) and Windows (NTFS) as they are set up by default: case is kept
/// but not compared, so <c>Data.csv</c> and <c>data.csv</c> are one file. APFS also compares names
/// in one Unicode normalization, so both sides are put in form C first (an "é" typed as one code point
/// or as "e" and an accent is one name).
/// </summary>
internal sealed class CaseInsensitiveNaming : IFileSystemNaming
{
    public static CaseInsensitiveNaming Instance { get; } = new();

    private CaseInsensitiveNaming()
    {
    }

    public bool SameName(string one, string other) =>
        string.Equals(Normalized(one), Normalized(other), StringComparison.OrdinalIgnoreCase);

    private static string Normalized(string name) =>
        name.IsNormalized(System.Text.NormalizationForm.FormC) ? name : name.Normalize(System.Text.NormalizationForm.FormC);
}
