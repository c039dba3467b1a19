using TaxiScan.Platform;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Unit.Platform;

public class FileIdentityTests
{
    [Fact]
    public void A_file_has_the_device_and_inode_that_stat_reports()
    {
        using var dir = new TempDir();
        var data = dir.Create("a.csv", "1,a\n");

        var identity = FileIdentity.Of(data);

        // stat(1) prints the device's major and minor numbers and the inode, in decimal.
        var start = new System.Diagnostics.ProcessStartInfo("stat", ["-L", "-c", "%Hd %Ld %i", data]) { RedirectStandardOutput = true };
        using var stat = System.Diagnostics.Process.Start(start)!;
        var fields = stat.StandardOutput.ReadToEnd().Trim().Split(' ');
        stat.WaitForExit();
        Assert.NotNull(identity);
        var major = ulong.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture);
        var minor = ulong.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((major << 32) | minor, identity.Value.Device);
        Assert.Equal(ulong.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), identity.Value.Number);
    }

    [Fact]
    public void A_missing_file_has_no_identity()
    {
        using var dir = new TempDir();

        Assert.Null(FileIdentity.Of(dir.Combine("missing.csv")));
    }

    [Fact]
    public void Files_on_one_device_share_the_device_and_differ_in_number()
    {
        using var dir = new TempDir();
        var one = FileIdentity.Of(dir.Create("a.csv", "x"));
        var other = FileIdentity.Of(dir.Create("b.csv", "x"));

        Assert.NotNull(one);
        Assert.NotNull(other);
        Assert.Equal(one.Value.Device, other.Value.Device);
        Assert.NotEqual(one.Value.Number, other.Value.Number);
    }
}
