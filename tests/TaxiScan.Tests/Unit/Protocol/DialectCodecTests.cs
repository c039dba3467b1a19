using TaxiScan.Model;
using TaxiScan.Protocol;

namespace TaxiScan.Tests.Unit.Protocol;

public class DialectCodecTests
{
    private static readonly Dialect[] Dialects =
    [
        new Dialect { Delimiter = DelimiterChoice.Of((byte)','), Quoted = true, HasHeader = true, IdColumn = 4, IdColumnName = "车牌", ExpectedFields = 9 },
        new Dialect { Delimiter = DelimiterChoice.SpaceRuns, DelimiterGuessed = true, IdColumn = 2 },
        new Dialect { Delimiter = DelimiterChoice.Of((byte)'\t'), HasHeader = true, IdColumnName = "", ExpectedFields = 3 },
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_dialect_round_trips_every_field_and_keeps_an_empty_column_name_apart_from_none(int which)
    {
        var dialect = Dialects[which];
        var payload = DialectCodec.Write(new PayloadWriter(), 11, dialect).Written.ToArray();

        Assert.Equal(new DialectMessage(4, 11, dialect), DialectCodec.Read(payload, 4));
        PayloadCuts.EveryCutIsRejected(payload, bytes => DialectCodec.Read(bytes, 4));
        PayloadCuts.AByteTooManyIsRejected(payload, bytes => DialectCodec.Read(bytes, 4));
    }

    [Fact]
    public void A_flag_byte_other_than_0_or_1_is_rejected()
    {
        var payload = DialectCodec.Write(new PayloadWriter(), 0, new Dialect { Delimiter = DelimiterChoice.Of((byte)',') }).Written.ToArray();
        payload[6] = 2; // the "quoted" flag, after the unit index and the delimiter's two bytes

        Assert.Throws<InvalidDataException>(() => DialectCodec.Read(payload, 0));
    }
}
