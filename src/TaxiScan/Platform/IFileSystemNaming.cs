namespace TaxiScan.Platform;

/// <summary>
/// How the file system compares two names: whether <c>Data.csv</c> and <c>data.csv</c> are one file.
/// Used where there is no device and inode to ask (<see cref="FileIdentity"/>): a file that does not
/// exist yet, or a platform without them.
/// </summary>
internal interface IFileSystemNaming
{
    /// <summary>The rule of the platform taxiscan runs on: case-insensitive on macOS and Windows (their default file systems), ordinal elsewhere.</summary>
    static IFileSystemNaming Current { get; } =
        OperatingSystem.IsMacOS() || OperatingSystem.IsWindows() ? CaseInsensitiveNaming.Instance : OrdinalNaming.Instance;

    /// <summary>Whether two full paths name one file under this rule.</summary>
    bool SameName(string one, string other);
}
