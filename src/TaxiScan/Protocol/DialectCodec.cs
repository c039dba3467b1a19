using TaxiScan.Model;

namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: the Dialect payload, a file's dialect as its first unit's worker settled it: unit
/// index, delimiter kind and byte, quoted, header, delimiter guessed, id column (0-based), id column
/// name (optional), field count (0 = unknown).
/// </summary>
internal static class DialectCodec
{
    public static PayloadWriter Write(PayloadWriter payload, int unit, Dialect dialect) =>
        payload.Int32(unit)
            .Byte((byte)dialect.Delimiter.Kind).Byte(dialect.Delimiter.Byte)
            .Bool(dialect.Quoted).Bool(dialect.HasHeader).Bool(dialect.DelimiterGuessed)
            .Int32(dialect.IdColumn)
            .OptionalString(dialect.IdColumnName)
            .Int32(dialect.ExpectedFields);

    public static DialectMessage Read(ReadOnlySpan<byte> payload, int worker)
    {
        var fields = new PayloadReader(payload);
        var unit = fields.Int32();
        var delimiter = new DelimiterChoice((DelimiterKind)fields.Byte(), fields.Byte());
        var (quoted, header, guessed) = (fields.Bool(), fields.Bool(), fields.Bool());
        var dialect = new Dialect
        {
            Delimiter = delimiter,
            Quoted = quoted,
            HasHeader = header,
            DelimiterGuessed = guessed,
            IdColumn = fields.Int32(),
            IdColumnName = fields.OptionalString(),
            ExpectedFields = fields.Int32(),
        };
        fields.End();
        return new DialectMessage(worker, unit, dialect);
    }
}
