using System.Globalization;
using System.Text;
using TaxiScan.Model;
using TaxiScan.Scanning;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Property.Scanning;

/// <summary>
/// The fast path (candidate search, bulk line counting) must print exactly the rows the exact path
/// prints, and both exactly the rows the generator meant to match, on random Shenzhen-style data full of
/// gen.py's traps (prefix, suffix and zero-padded ids, the id's digits inside coordinates and plates),
/// with CRLF, blank lines, short rows, NUL bytes, rows longer than a block, no final newline, and reads
/// of random sizes so that rows straddle every kind of block boundary.
/// </summary>
public class FastPathPropertyTests
{
    private static readonly Encoding Gb2312 = TextEncodings.Get("gb2312");

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 24)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Fast_path_rows_equal_exact_path_rows_and_the_generators_intent(int seed)
    {
        var data = TrapData.Generate(seed);

        var fast = Scan(data, exactPathOnly: false, seed);
        var exact = Scan(data, exactPathOnly: true, seed);

        BytesAssert.Equal(data.Expected, exact.Rows.ToArray(), $"exact path, {data}");
        BytesAssert.Equal(data.Expected, fast.Rows.ToArray(), $"fast path, {data}");
        Assert.Equal(exact.Stats.Matched, fast.Stats.Matched);
        Assert.Equal(exact.Stats.Bytes, fast.Stats.Bytes);
    }

    private static (MemoryStream Rows, UnitStats Stats) Scan(TrapData data, bool exactPathOnly, int seed)
    {
        var sink = new RecordingSink();
        var scanner = new UnitScanner(data.Spec, exactPathOnly);
        var stats = scanner.Scan(new RaggedReadStream(data.Input, new Random(seed)), everyRow: false, sink, CancellationToken.None);
        return (sink.Rows, stats);
    }

    /// <summary>One random file and query, with the exact bytes a correct scan prints.</summary>
    private sealed record TrapData(MatchSpec Spec, byte[] Input, byte[] Expected, string Description)
    {
        private const string Target = "11865";

        private static readonly string[] Decoys = ["1186", "118650", "118651", "111865", "11866", "21865", "011865", "1", "11865 "];

        public static TrapData Generate(int seed)
        {
            var random = new Random(seed);
            var crlf = random.Next(3) == 0;
            var header = random.Next(3) == 0;
            var query = random.Next(4);
            var plates = new[] { "粤B11865", "粤B8D353", "粤BD1186", "川BEGL82" };

            // The query: one id in column 1, a thousand ids in column 1, or a plate in column 8.
            var ids = query switch
            {
                0 or 1 => new[] { Target },
                2 => [Target, .. Enumerable.Range(0, 999).Select(i => (20000 + (i * 7)).ToString(CultureInfo.InvariantCulture))],
                _ => ["粤B8D353"],
            };
            var column = query == 3 ? 8 : 1;
            var wanted = new HashSet<string>(ids);

            var input = new MemoryStream();
            var expected = new MemoryStream();
            var eol = crlf ? "\r\n" : "\n";
            if (header)
            {
                Write(input, $"id,time,lon,lat,occupied,speed,direction,plate{eol}");
            }

            var rows = 20_000 + random.Next(30_000);
            for (var r = 0; r < rows; r++)
            {
                var id = random.Next(10) switch
                {
                    0 or 1 => Target,
                    2 => Decoys[random.Next(Decoys.Length)],
                    3 when query == 2 => ids[random.Next(ids.Length)],
                    _ => random.Next(10000, 40000).ToString(CultureInfo.InvariantCulture),
                };
                var lon = random.Next(8) == 0 ? "114.118650" : $"114.{random.Next(1000000):D6}";
                var fields = new List<string>
                {
                    id, $"2015-02-01 0{random.Next(10)}:{random.Next(60):D2}:{random.Next(60):D2}", lon, $"22.{random.Next(1000000):D6}",
                    random.Next(2).ToString(CultureInfo.InvariantCulture), random.Next(120).ToString(CultureInfo.InvariantCulture),
                    random.Next(8).ToString(CultureInfo.InvariantCulture), plates[random.Next(plates.Length)],
                };

                var damage = random.Next(400);
                var clean = true;
                if (damage == 0)
                {
                    fields.RemoveRange(3, 5); // a short row: never printed, even when its id matches
                    clean = false;
                }
                else if (damage == 1)
                {
                    fields[5] = "1\u00002"; // binary data: never printed
                    clean = false;
                }
                else if (damage == 2)
                {
                    Write(input, eol); // a blank line: not a row
                }
                else if (damage == 3 && random.Next(20) == 0)
                {
                    fields[6] = new string('7', (1 << 20) + random.Next(100_000)); // longer than a block
                }

                var last = r == rows - 1 && random.Next(2) == 0;
                var text = string.Join(',', fields) + (last ? "" : eol);
                var bytes = Gb2312.GetBytes(text);
                input.Write(bytes);
                if (clean && fields.Count >= column && wanted.Contains(fields[column - 1]))
                {
                    expected.Write(bytes);
                    if (last)
                    {
                        expected.WriteByte((byte)'\n'); // a last line without a terminator gains one
                    }
                }
            }

            var spec = new MatchSpec
            {
                Ids = ids,
                Column = new ColumnChoice(column, null),
                InputEncoding = "gb2312",
                Header = header ? HeaderChoice.Present : HeaderChoice.Absent,
                Delimiter = DelimiterChoice.Of((byte)','),
            };
            return new TrapData(spec, input.ToArray(), expected.ToArray(),
                $"seed {seed}: {ids.Length} ids in column {column}, crlf {crlf}, header {header}, {rows} rows");
        }

        public override string ToString() => Description;

        private static void Write(Stream stream, string text) => stream.Write(Gb2312.GetBytes(text));
    }

    /// <summary>Hands out the input in reads of random sizes, as pipes and decompressors do.</summary>
    private sealed class RaggedReadStream(byte[] bytes, Random random) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var take = Math.Min(Math.Min(count, bytes.Length - _position), random.Next(3) == 0 ? random.Next(1, 100) : random.Next(1, 3 << 20));
            Array.Copy(bytes, _position, buffer, offset, take);
            _position += take;
            return take;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
