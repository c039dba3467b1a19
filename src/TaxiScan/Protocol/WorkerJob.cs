using TaxiScan.Model;


namespace TaxiScan.Protocol;

/// <summary>
/// Everything a worker needs, sent on its stdin rather than its command line (a partition may list
/// 100,000 files; argv is limited to a few MB). After the job the coordinator keeps stdin open: the
/// worker takes end-of-file there as "the coordinator is gone" and exits.
/// Encoding: magic "TSJ1", then the fields in the order of <see cref="Write"/>.
/// </summary>
internal sealed record WorkerJob(
    int WorkerIndex,
    MatchSpec Match,
    RowDelivery Delivery,
    IReadOnlyList<WorkUnit> Units,
    string? LogFilePath,
    bool Verbose)
{
    private const int Magic = 0x314A5354; // "TSJ1" little-endian

    public void Write(Stream stream)
    {
        var payload = new PayloadWriter()
            .Int32(Magic)
            .Int32(WorkerIndex)
            .Int32(Match.Ids.Count);
        foreach (var id in Match.Ids)
        {
            payload.String(id);
        }

        payload.Byte(Match.Numeric ? (byte)1 : (byte)0)
            .Int32(Match.Column.Index)
            .String(Match.Column.Name ?? "")
            .Byte((byte)Match.Delimiter.Kind)
            .Byte(Match.Delimiter.Byte)
            .Byte((byte)Match.Header)
            .String(Match.InputEncoding)
            .Byte(Match.OutputUtf8 ? (byte)1 : (byte)0)
            .Byte(Match.ExamineEveryRow ? (byte)1 : (byte)0)
            .Byte(Delivery.SendRows ? (byte)1 : (byte)0)
            .Int64(Delivery.MatchesPerUnit)
            .Byte(Delivery.FileNameField ? (byte)1 : (byte)0)
            .Byte(Delivery.LineNumberField ? (byte)1 : (byte)0)
            .String(LogFilePath ?? "")
            .Byte(Verbose ? (byte)1 : (byte)0)
            .Int32(Units.Count);
        foreach (var unit in Units)
        {
            payload.Int32(unit.Index).String(unit.Path).String(unit.DisplayPath).Int64(unit.Length).Byte(unit.EveryRow ? (byte)1 : (byte)0)
                .Byte((byte)unit.Kind).String(unit.Member ?? "")
                .Byte(unit.Range is null ? (byte)0 : (byte)1).Int64(unit.Range?.Start ?? 0).Int64(unit.Range?.End ?? 0);
        }

        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, payload.Length);
        stream.Write(length);
        stream.Write(payload.Written);
        stream.Flush();
    }

    public static WorkerJob Read(Stream stream)
    {
        Span<byte> lengthBytes = stackalloc byte[4];
        stream.ReadExactly(lengthBytes);
        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(lengthBytes);
        if (length is < 8 or > 1 << 30)
        {
            throw new InvalidDataException("not a taxiscan worker job");
        }

        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        var fields = new PayloadReader(bytes);
        if (fields.Int32() != Magic)
        {
            throw new InvalidDataException("not a taxiscan worker job");
        }

        var workerIndex = fields.Int32();
        var ids = new string[fields.Int32()];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = fields.String();
        }

        var numeric = fields.Byte() == 1;
        var columnIndex = fields.Int32();
        var columnName = fields.String();
        var delimiterKind = (DelimiterKind)fields.Byte();
        var delimiterByte = fields.Byte();
        var match = new MatchSpec
        {
            Ids = ids,
            Numeric = numeric,
            Column = new ColumnChoice(columnIndex, columnName.Length == 0 ? null : columnName),
            Delimiter = new DelimiterChoice(delimiterKind, delimiterByte),
            Header = (HeaderChoice)fields.Byte(),
            InputEncoding = fields.String(),
            OutputUtf8 = fields.Byte() == 1,
            ExamineEveryRow = fields.Byte() == 1,
        };
        var delivery = new RowDelivery
        {
            SendRows = fields.Byte() == 1,
            MatchesPerUnit = fields.Int64(),
            FileNameField = fields.Byte() == 1,
            LineNumberField = fields.Byte() == 1,
        };
        var logFile = fields.String();
        var verbose = fields.Byte() == 1;
        var units = new WorkUnit[fields.Int32()];
        for (var i = 0; i < units.Length; i++)
        {
            var (index, path, display, size, everyRow) = (fields.Int32(), fields.String(), fields.String(), fields.Int64(), fields.Byte() == 1);
            var (kind, member) = ((InputKind)fields.Byte(), fields.String());
            var (hasRange, start, end) = (fields.Byte() == 1, fields.Int64(), fields.Int64());
            units[i] = new WorkUnit(index, path, display, size, everyRow, kind, member.Length == 0 ? null : member, hasRange ? new ByteRange(start, end) : null);
        }

        return new WorkerJob(workerIndex, match, delivery, units, logFile.Length == 0 ? null : logFile, verbose);
    }
}
