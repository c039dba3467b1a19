using TaxiScan.Platform;

namespace TaxiScan.Tests.Unit.Platform;

public class SelfCommandTests
{
    [Fact]
    public void The_apphost_or_a_native_binary_is_started_directly()
    {
        var self = SelfCommand.For("/opt/taxiscan/taxiscan", "/opt/taxiscan/");

        Assert.Equal("/opt/taxiscan/taxiscan", self.FileName);
        Assert.Empty(self.LeadingArguments);
    }

    [Fact]
    public void The_dotnet_muxer_is_handed_the_assembly_beside_the_program()
    {
        var self = SelfCommand.For("/usr/share/dotnet/dotnet", "/app/");

        Assert.Equal("/usr/share/dotnet/dotnet", self.FileName);
        Assert.Equal(["/app/taxiscan.dll"], self.LeadingArguments);
    }

    [Fact]
    public void The_muxer_is_recognised_whatever_its_case_and_extension()
    {
        Assert.Equal(["/app/taxiscan.dll"], SelfCommand.For("/x/DOTNET.exe", "/app").LeadingArguments);
    }
}
