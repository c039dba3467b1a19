using TaxiScan.Cli.Options;

namespace TaxiScan.Tests.Unit.Cli.Options;

public class IdFromPathOptionTests
{
    [Fact]
    public void A_pattern_with_a_group_is_accepted() => Assert.Null(IdFromPathOption.Check(@"new_([a-z]+)\.txt$"));

    [Fact]
    public void A_pattern_without_a_group_is_refused() =>
        Assert.Equal("--id-from-path 'new_[a-z]+' needs a capture group: the id is what its first group matches", IdFromPathOption.Check("new_[a-z]+"));

    [Fact]
    public void A_pattern_that_does_not_compile_is_refused_with_the_reason()
    {
        var error = IdFromPathOption.Check("new_([a-z]+");

        Assert.NotNull(error);
        Assert.StartsWith("--id-from-path 'new_([a-z]+' is not a valid regular expression: ", error, StringComparison.Ordinal);
    }
}
