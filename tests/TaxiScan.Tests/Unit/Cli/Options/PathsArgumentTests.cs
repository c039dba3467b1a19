using TaxiScan.Cli.Options;

namespace TaxiScan.Tests.Unit.Cli.Options;

public class PathsArgumentTests
{
    [Fact]
    public void Paths_and_standard_input_are_accepted() => Assert.Null(PathsArgument.Check(["data", "-", "a-b.csv"], _ => false));

    [Fact]
    public void A_dash_path_that_does_not_exist_is_an_unknown_option() =>
        Assert.Equal("unknown option '--wokers'", PathsArgument.Check(["data", "--wokers", "-x"], _ => false));

    [Fact]
    public void A_dash_path_that_exists_is_a_path() => Assert.Null(PathsArgument.Check(["-odd.csv"], path => path == "-odd.csv"));
}
