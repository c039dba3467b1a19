using TaxiScan.Cli.Options;

namespace TaxiScan.Tests.Unit.Cli.Options;

public class GlobOptionTests
{
    [Fact]
    public void Patterns_that_compile_are_accepted() => Assert.Null(GlobOption.Check(["*.csv", "!2015-*"]));

    [Fact]
    public void A_bad_pattern_is_refused_with_the_filter_s_reason() =>
        Assert.Equal("--glob: invalid glob '[a-': a '[' is never closed", GlobOption.Check(["*.csv", "[a-"]));
}
