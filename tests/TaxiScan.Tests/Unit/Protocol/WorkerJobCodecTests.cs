using System.Buffers.Binary;
using System.Text;
using TaxiScan.Model;
using TaxiScan.Protocol;

namespace TaxiScan.Tests.Unit.Protocol;

public class WorkerJobCodecTests
{
    [Fact]
    public void A_worker_job_with_many_units_round_trips_through_stdin_encoding()
    {
        var units = Enumerable.Range(0, 100_000).Select(i => new WorkUnit(i, $"/data/day {i}\n.csv", $"data/day {i}\n.csv", i, EveryRow: i % 3 == 0)).ToArray();
        var match = new MatchSpec
        {
            Ids = ["11865", "粤B12345"],
            Numeric = true,
            Column = new ColumnChoice(0, "车牌"),
            Delimiter = DelimiterChoice.SpaceRuns,
            Header = HeaderChoice.Present,
            InputEncoding = "gb18030",
            OutputUtf8 = true,
        };
        var delivery = new RowDelivery { SendRows = false, MatchesPerUnit = 7, FileNameField = true, LineNumberField = true };
        var job = new WorkerJob(2, match, delivery, units, "log.json", true);
        var stream = new MemoryStream();

        WorkerJobCodec.Write(stream, job);
        stream.Position = 0;
        var read = WorkerJobCodec.Read(stream);

        Assert.Equal(2, read.WorkerIndex);
        Assert.Equal(["11865", "粤B12345"], read.Match.Ids);
        Assert.Equal(match with { Ids = read.Match.Ids }, read.Match);
        Assert.Equal(delivery, read.Delivery);
        Assert.Equal(units, read.Units);
        Assert.Equal("log.json", read.LogFilePath);
        Assert.True(read.Verbose);
    }

    [Fact]
    public void A_job_starts_with_its_length_the_magic_TSJ1_and_the_protocol_version()
    {
        var stream = new MemoryStream();

        WorkerJobCodec.Write(stream, SmallJob);
        var bytes = stream.ToArray();

        Assert.Equal(bytes.Length - 4, BinaryPrimitives.ReadInt32LittleEndian(bytes));
        Assert.Equal("TSJ1", Encoding.ASCII.GetString(bytes, 4, 4));
        Assert.Equal(ProtocolLimits.Version, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)));
    }

    [Fact]
    public void Absent_strings_stay_absent_and_empty_ones_empty()
    {
        var job = SmallJob with { LogFilePath = null, Match = SmallJob.Match with { Column = new ColumnChoice(3, null) } };

        var read = WorkerJobCodec.Decode(WorkerJobCodec.Encode(job).Written);

        Assert.Null(read.LogFilePath);
        Assert.Null(read.Match.Column.Name);
        Assert.Equal(3, read.Match.Column.Index);
        Assert.Equal("", WorkerJobCodec.Decode(WorkerJobCodec.Encode(job with { LogFilePath = "" }).Written).LogFilePath);
    }

    [Fact]
    public void A_job_of_another_protocol_version_is_refused_naming_both_versions()
    {
        var payload = WorkerJobCodec.Encode(SmallJob).Written.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(4), 2);

        var refused = Assert.Throws<InvalidDataException>(() => WorkerJobCodec.Decode(payload));

        Assert.Equal(
            $"the worker job is of protocol version 2, this worker's is {ProtocolLimits.Version} (was taxiscan replaced while it ran? run it again)",
            refused.Message);
    }

    [Theory]
    [InlineData("hello\n")]
    [InlineData("\u0010\0\0\0not a job at all")]
    public void Bytes_that_are_no_job_are_refused(string text)
    {
        var refused = Assert.Throws<InvalidDataException>(() => WorkerJobCodec.Read(new MemoryStream(Encoding.ASCII.GetBytes(text))));

        Assert.Equal("stdin holds no taxiscan worker job", refused.Message);
    }

    [Fact]
    public void A_job_cut_short_is_refused_and_an_empty_stdin_means_the_coordinator_is_gone()
    {
        var stream = new MemoryStream();
        WorkerJobCodec.Write(stream, SmallJob);
        var whole = stream.ToArray();

        var cut = Assert.Throws<InvalidDataException>(() => WorkerJobCodec.Read(new MemoryStream(whole[..^1])));
        Assert.Equal($"the worker job ends after {whole.Length - 5} of its {whole.Length - 4} bytes", cut.Message);
        Assert.Throws<EndOfStreamException>(() => WorkerJobCodec.Read(new MemoryStream()));
        PayloadCuts.EveryCutIsRejected(whole[4..], bytes => WorkerJobCodec.Decode(bytes));
        PayloadCuts.AByteTooManyIsRejected(whole[4..], bytes => WorkerJobCodec.Decode(bytes));
    }

    private static WorkerJob SmallJob => new(
        1,
        new MatchSpec { Ids = ["7"], Column = new ColumnChoice(0, "id") },
        new RowDelivery { SendRows = true, MatchesPerUnit = long.MaxValue },
        [new WorkUnit(0, "/d/a.csv", "a.csv", 10), new WorkUnit(1, "/d/b.zip", "b.zip", 20, Kind: InputKind.ZipMember, Member: "b.csv", Range: new ByteRange(0, 5))],
        "run.log",
        Verbose: false);
}
