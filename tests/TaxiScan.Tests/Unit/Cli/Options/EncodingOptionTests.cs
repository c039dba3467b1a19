using TaxiScan.Cli.Options;
using TaxiScan.Model;

namespace TaxiScan.Tests.Unit.Cli.Options;

public class EncodingOptionTests
{
    [Theory]
    [InlineData("utf-8")]
    [InlineData("gbk")]
    [InlineData("gb18030")]
    public void A_supported_encoding_is_accepted(string name) => Assert.Null(EncodingOption.Check(name));

    [Fact]
    public void An_unsupported_encoding_is_refused_with_the_supported_list()
    {
        Assert.Equal($"--encoding 'latin-9' is not supported; use one of {TextEncodings.Supported}", EncodingOption.Check("latin-9"));
    }

    [Fact]
    public void The_canonical_name_of_no_value_is_utf_8() => Assert.Equal(TextEncodings.Utf8Name, EncodingOption.Canonical(null));

    [Fact]
    public void The_canonical_name_is_the_one_text_encodings_gives()
    {
        Assert.True(TextEncodings.TryCanonicalName("GBK", out var expected));
        Assert.Equal(expected, EncodingOption.Canonical("GBK"));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("UTF-8")]
    public void Utf_8_is_the_one_output_encoding(string name) => Assert.Null(OutputEncodingOption.Check(name));

    [Theory]
    [InlineData("gbk")]
    [InlineData("nonsense")]
    public void Any_other_output_encoding_is_refused(string name) =>
        Assert.Equal($"--output-encoding supports only utf-8, not '{name}'", OutputEncodingOption.Check(name));
}
