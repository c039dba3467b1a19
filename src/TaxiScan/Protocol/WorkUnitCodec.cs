using TaxiScan.Model;

namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: one unit of a worker job: index, path, displayed path, listed length, whole-file
/// selection, input kind, zip member (optional), byte range (optional: a presence byte, start, end).
/// </summary>
internal static class WorkUnitCodec
{
    public static PayloadWriter Write(PayloadWriter payload, WorkUnit unit)
    {
        payload.Int32(unit.Index).String(unit.Path).String(unit.DisplayPath).Int64(unit.Length).Bool(unit.EveryRow)
            .Byte((byte)unit.Kind).OptionalString(unit.Member).Bool(unit.Range is not null);
        return unit.Range is { } range ? payload.Int64(range.Start).Int64(range.End) : payload;
    }

    public static WorkUnit Read(ref PayloadReader fields)
    {
        var (index, path, display, length, everyRow) = (fields.Int32(), fields.String(), fields.String(), fields.Int64(), fields.Bool());
        var (kind, member) = ((InputKind)fields.Byte(), fields.OptionalString());
        ByteRange? range = fields.Bool() ? new ByteRange(fields.Int64(), fields.Int64()) : null;
        return new WorkUnit(index, path, display, length, everyRow, kind, member, range);
    }
}
