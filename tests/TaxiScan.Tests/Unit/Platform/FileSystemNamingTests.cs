using TaxiScan.Platform;

namespace TaxiScan.Tests.Unit.Platform;

public class FileSystemNamingTests
{
    [Fact]
    public void Linux_compares_names_byte_for_byte()
    {
        Assert.True(OrdinalNaming.Instance.SameName("/d/a.csv", "/d/a.csv"));
        Assert.False(OrdinalNaming.Instance.SameName("/d/A.csv", "/d/a.csv"));
        Assert.False(OrdinalNaming.Instance.SameName("/d/\u00e9.csv", "/d/e\u0301.csv"));
    }

    [Fact]
    public void Macos_and_windows_compare_names_without_case()
    {
        Assert.True(CaseInsensitiveNaming.Instance.SameName("/d/A.CSV", "/d/a.csv"));
        Assert.True(CaseInsensitiveNaming.Instance.SameName("/D/\u00c9T\u00c9.csv", "/d/\u00e9t\u00e9.csv"));
        Assert.False(CaseInsensitiveNaming.Instance.SameName("/d/a.csv", "/d/b.csv"));
    }

    [Fact]
    public void The_current_platform_gets_its_own_rule()
    {
        var expected = OperatingSystem.IsMacOS() || OperatingSystem.IsWindows() ? (IFileSystemNaming)CaseInsensitiveNaming.Instance : OrdinalNaming.Instance;

        Assert.Same(expected, IFileSystemNaming.Current);
    }
}
