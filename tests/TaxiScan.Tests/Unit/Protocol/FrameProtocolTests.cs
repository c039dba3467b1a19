using TaxiScan.Model;
using TaxiScan.Protocol;


namespace TaxiScan.Tests.Unit.Protocol;

public class FrameProtocolTests
{
    [Fact]
    public async Task Every_frame_type_survives_the_round_trip()
    {
        var pipe = new MemoryStream();
        using (var frames = new FrameWriter(new NonClosingStream(pipe)))
        {
            frames.Hello(3, 4242);
            frames.UnitStarted(7);
            frames.Rows(7, "1,a\n1,b\n"u8, "\n"u8);
            frames.Progress(100, 10, 2);
            frames.Diagnostic(7, 12, DiagnosticLevel.Warning, "no ',' delimiter: 粤B");
            frames.UnitFinished(7, UnitStatus.Complete, new UnitStats(100, 10, 2, 1, 99));
            frames.PartitionFinished(1, new UnitStats(100, 10, 2, 1, 99));
            frames.Dialect(7, Porto);
            frames.Dialect(8, new Dialect { Delimiter = DelimiterChoice.SpaceRuns, DelimiterGuessed = true, IdColumn = 2 });
            frames.Flush();
        }

        pipe.Position = 0;
        var reader = new FrameReader(pipe, worker: 3);
        var messages = new List<WorkerMessage>();
        while (await reader.ReadAsync(CancellationToken.None) is { } message)
        {
            messages.Add(message);
        }

        Assert.False(reader.Truncated);
        Assert.Equal(new HelloMessage(3, FrameWriter.ProtocolVersion, 4242), messages[0]);
        Assert.Equal(new UnitStartedMessage(3, 7), messages[1]);
        var rows = Assert.IsType<RowsMessage>(messages[2]);
        Assert.Equal("1,a\n1,b\n\n"u8.ToArray(), rows.Rows.ToArray());
        Assert.Equal(new ProgressMessage(3, 100, 10, 2), messages[3]);
        Assert.Equal(new DiagnosticMessage(3, 7, 12, DiagnosticLevel.Warning, "no ',' delimiter: 粤B"), messages[4]);
        Assert.Equal(new UnitFinishedMessage(3, 7, UnitStatus.Complete, new UnitStats(100, 10, 2, 1, 99)), messages[5]);
        Assert.Equal(new PartitionFinishedMessage(3, 1, new UnitStats(100, 10, 2, 1, 99)), messages[6]);
        Assert.Equal(new DialectMessage(3, 7, Porto), messages[7]);
        Assert.Equal(new DialectMessage(3, 8, new Dialect { Delimiter = DelimiterChoice.SpaceRuns, DelimiterGuessed = true, IdColumn = 2 }), messages[8]);
        Assert.Equal(9, messages.Count);
    }

    [Fact]
    public void A_dialect_frame_becomes_the_verbose_note_the_user_sees()
    {
        var note = new DialectMessage(3, 7, Porto).AsNote();

        Assert.Equal(new DiagnosticMessage(3, 7, 0, DiagnosticLevel.Info, "','-separated, quoted, header, id in column 5 (车牌), 9 fields"), note);
    }

    private static Dialect Porto => new()
    {
        Delimiter = DelimiterChoice.Of((byte)','),
        Quoted = true,
        HasHeader = true,
        IdColumn = 4,
        IdColumnName = "车牌",
        ExpectedFields = 9,
    };

    [Fact]
    public async Task A_pipe_that_ends_inside_a_frame_yields_nothing_of_that_frame()
    {
        var pipe = new MemoryStream();
        using (var frames = new FrameWriter(new NonClosingStream(pipe)))
        {
            frames.UnitStarted(0);
            frames.Rows(0, "1,a\n1,b\n"u8);
            frames.Flush();
        }

        var cut = pipe.ToArray()[..^3]; // the worker died in the middle of the rows frame
        var reader = new FrameReader(new MemoryStream(cut), worker: 0);

        Assert.IsType<UnitStartedMessage>(await reader.ReadAsync(CancellationToken.None));
        Assert.Null(await reader.ReadAsync(CancellationToken.None));
        Assert.True(reader.Truncated);
    }

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
