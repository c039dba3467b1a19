using TaxiScan.Cli.Options;

namespace TaxiScan.Tests.Unit.Cli.Options;

public class IdOptionTests
{
    [Theory]
    [InlineData("11865")]
    [InlineData("1,2,3")]
    [InlineData(",7,")]
    public void A_value_with_at_least_one_id_is_accepted(string value) => Assert.Null(IdOption.Check(value));

    [Theory]
    [InlineData(",")]
    [InlineData(" , ")]
    [InlineData("")]
    public void A_value_with_no_id_is_refused_naming_it(string value) => Assert.Equal($"--id '{value}' holds no id", IdOption.Check(value));
}
