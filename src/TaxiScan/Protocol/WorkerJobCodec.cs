using System.Buffers.Binary;
using TaxiScan.Model;

namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: the job on a worker's stdin, written and read side by side: an int32 length, then the
/// magic <c>TSJ1</c>, the protocol version, the worker index, the match options, the row delivery, the
/// <c>--log-file</c> path, verbosity and the units (<see cref="WorkUnitCodec"/>). The magic and the
/// version come first and keep their place in every version, so that a worker started by a coordinator
/// of another build (the binary was replaced while it ran) can say so instead of misreading the rest.
/// </summary>
internal static class WorkerJobCodec
{
    /// <summary>"TSJ1" read as a little-endian int32.</summary>
    public const int Magic = 0x314A5354;

    private const int LengthBytes = 4;

    public static void Write(Stream stream, WorkerJob job)
    {
        var payload = Encode(job);
        Span<byte> length = stackalloc byte[LengthBytes];
        BinaryPrimitives.WriteInt32LittleEndian(length, payload.Length);
        stream.Write(length);
        stream.Write(payload.Written);
        stream.Flush();
    }

    /// <summary>Reads the job that a coordinator wrote with <see cref="Write"/>.</summary>
    /// <exception cref="EndOfStreamException">Stdin ended before the job's first byte: the coordinator is gone.</exception>
    /// <exception cref="InvalidDataException">The bytes are no job, or a job of another protocol version; the message says which.</exception>
    public static WorkerJob Read(Stream stream)
    {
        Span<byte> lengthBytes = stackalloc byte[LengthBytes];
        var got = stream.ReadAtLeast(lengthBytes, LengthBytes, throwOnEndOfStream: false);
        if (got == 0)
        {
            throw new EndOfStreamException("stdin ended before the job came");
        }

        var length = got < LengthBytes ? -1 : BinaryPrimitives.ReadInt32LittleEndian(lengthBytes);
        if (length is < 8 or > ProtocolLimits.MaxJobBytes)
        {
            throw new InvalidDataException("stdin holds no taxiscan worker job");
        }

        var bytes = new byte[length];
        var read = stream.ReadAtLeast(bytes, length, throwOnEndOfStream: false);
        if (read < length)
        {
            throw new InvalidDataException($"the worker job ends after {read} of its {length} bytes");
        }

        return Decode(bytes);
    }

    /// <summary>The payload after the length: magic, version, fields.</summary>
    public static PayloadWriter Encode(WorkerJob job)
    {
        var payload = new PayloadWriter().Int32(Magic).Int32(ProtocolLimits.Version).Int32(job.WorkerIndex);
        WriteMatch(payload, job.Match);
        var delivery = job.Delivery;
        payload.Bool(delivery.SendRows).Int64(delivery.MatchesPerUnit).Bool(delivery.FileNameField).Bool(delivery.LineNumberField)
            .OptionalString(job.LogFilePath)
            .Bool(job.Verbose)
            .Int32(job.Units.Count);
        foreach (var unit in job.Units)
        {
            WorkUnitCodec.Write(payload, unit);
        }

        return payload;
    }

    /// <summary>Decodes a payload made by <see cref="Encode"/>, checking the magic and the version first.</summary>
    public static WorkerJob Decode(ReadOnlySpan<byte> payload)
    {
        var fields = new PayloadReader(payload);
        if (payload.Length < 8 || fields.Int32() != Magic)
        {
            throw new InvalidDataException("stdin holds no taxiscan worker job");
        }

        var version = fields.Int32();
        if (version != ProtocolLimits.Version)
        {
            throw new InvalidDataException(
                $"the worker job is of protocol version {version}, this worker's is {ProtocolLimits.Version} " +
                "(was taxiscan replaced while it ran? run it again)");
        }

        var workerIndex = fields.Int32();
        var match = ReadMatch(ref fields);
        var delivery = new RowDelivery
        {
            SendRows = fields.Bool(),
            MatchesPerUnit = fields.Int64(),
            FileNameField = fields.Bool(),
            LineNumberField = fields.Bool(),
        };
        var logFile = fields.OptionalString();
        var verbose = fields.Bool();
        var count = fields.Int32();
        if (count < 0 || count > fields.Rest.Length)
        {
            throw new InvalidDataException($"a worker job of {count} units in {fields.Rest.Length} bytes");
        }

        var units = new WorkUnit[count];
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = WorkUnitCodec.Read(ref fields);
        }

        fields.End();
        return new WorkerJob(workerIndex, match, delivery, units, logFile, verbose);
    }

    private static void WriteMatch(PayloadWriter payload, MatchSpec match)
    {
        payload.Int32(match.Ids.Count);
        foreach (var id in match.Ids)
        {
            payload.String(id);
        }

        payload.Bool(match.Numeric)
            .Int32(match.Column.Index)
            .OptionalString(match.Column.Name)
            .Byte((byte)match.Delimiter.Kind)
            .Byte(match.Delimiter.Byte)
            .Byte((byte)match.Header)
            .String(match.InputEncoding)
            .Bool(match.OutputUtf8)
            .Bool(match.ExamineEveryRow);
    }

    private static MatchSpec ReadMatch(ref PayloadReader fields)
    {
        var count = fields.Int32();
        if (count < 0 || count > fields.Rest.Length / 4)
        {
            throw new InvalidDataException($"a worker job of {count} ids in {fields.Rest.Length} bytes");
        }

        var ids = new string[count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = fields.String();
        }

        var numeric = fields.Bool();
        var column = new ColumnChoice(fields.Int32(), fields.OptionalString());
        var delimiter = new DelimiterChoice((DelimiterKind)fields.Byte(), fields.Byte());
        return new MatchSpec
        {
            Ids = ids,
            Numeric = numeric,
            Column = column,
            Delimiter = delimiter,
            Header = (HeaderChoice)fields.Byte(),
            InputEncoding = fields.String(),
            OutputUtf8 = fields.Bool(),
            ExamineEveryRow = fields.Bool(),
        };
    }
}
