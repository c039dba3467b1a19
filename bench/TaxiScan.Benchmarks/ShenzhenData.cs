using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using TaxiScan.Model;

namespace TaxiScan.Benchmarks;

/// <summary>
/// Deterministic, in-memory test input in the shape of the Shenzhen taxi files (no header, comma-separated,
/// 8 fields, the id first and the GB2312 plate last, ~63 bytes a row):
/// <c>22223,2015-02-01 00:00:10,114.012345,22.534567,0,35,1,粤B12345</c>.
/// About 1 row in 2000 is the target taxi <see cref="TargetId"/>; as many again carry a trap id that a
/// careless match would take for it (<c>1186</c>, <c>118650</c>, <c>011865</c>), and about 1 row in 200 has
/// the digits 11865 inside a coordinate. The same rows also come with every field in double quotes (RFC 4180).
/// </summary>
internal sealed class ShenzhenData
{
    public const string TargetId = "11865";

    /// <summary>~120 MiB unquoted: one scan takes a good fraction of a second, long enough to time well.</summary>
    public const int DefaultRows = 2_000_000;

    /// <summary>The ids other than the target: the traps first, then the ordinary taxis.</summary>
    private static readonly string[] Traps = ["1186", "118650", "011865"];

    private const int OrdinaryTaxis = 3000;
    private const int Seed = 20150201;

    private ShenzhenData(byte[] plain, byte[] quoted, int rows, int targetRows, int zeroPaddedTargetRows, string targetPlate)
    {
        Plain = plain;
        Quoted = quoted;
        Rows = rows;
        TargetRows = targetRows;
        ZeroPaddedTargetRows = zeroPaddedTargetRows;
        TargetPlate = targetPlate;
    }

    /// <summary>The rows, unquoted, each ending in <c>\n</c>.</summary>
    public byte[] Plain { get; }

    /// <summary>The same rows with every field in double quotes.</summary>
    public byte[] Quoted { get; }

    public int Rows { get; }

    /// <summary>Rows whose id is exactly <see cref="TargetId"/>.</summary>
    public int TargetRows { get; }

    /// <summary>Rows whose id is <c>011865</c>: equal to the target as a number, not as text.</summary>
    public int ZeroPaddedTargetRows { get; }

    /// <summary>The target taxi's plate (column 8), e.g. <c>粤B12345</c>; no other taxi has it.</summary>
    public string TargetPlate { get; }

    public static ShenzhenData Generate(int rows = DefaultRows)
    {
        var random = new Random(Seed);
        var gb2312 = TextEncodings.Get("gb2312");

        // Every distinct id text has its own plate: 粤B and five digits, a bijection of the id's index.
        var ordinary = new HashSet<string>();
        while (ordinary.Count < OrdinaryTaxis)
        {
            var id = random.Next(20000, 40000).ToString(CultureInfo.InvariantCulture);
            ordinary.Add(id);
        }

        string[] ids = [TargetId, .. Traps, .. ordinary.Order(StringComparer.Ordinal)];
        var plates = ids.Select((_, i) => "粤B" + (((i * 7) + 10007) % 100000).ToString("D5", CultureInfo.InvariantCulture)).ToArray();
        var plateBytes = plates.Select(gb2312.GetBytes).ToArray();
        var idBytes = ids.Select(Encoding.ASCII.GetBytes).ToArray();

        var plain = new ArrayBufferWriter<byte>(rows * 64);
        var quoted = new ArrayBufferWriter<byte>(rows * 80);
        var start = new DateTime(2015, 2, 1, 0, 0, 0, DateTimeKind.Unspecified);
        int targetRows = 0, zeroPaddedRows = 0;
        for (var row = 0; row < rows; row++)
        {
            var pick = random.Next(2000);
            var which = pick switch
            {
                0 => 0,                                // the target
                1 => 1 + random.Next(Traps.Length),    // a trap id
                _ => 1 + Traps.Length + random.Next(OrdinaryTaxis),
            };
            targetRows += which == 0 ? 1 : 0;
            zeroPaddedRows += ids[which] == "011865" ? 1 : 0;

            // Coordinates in millionths of a degree, around Shenzhen; now and then with 11865 among the decimals.
            var lon = 113_750_000 + random.Next(600_000);
            var lat = 22_450_000 + random.Next(400_000);
            switch (random.Next(400))
            {
                case 0: lon = 114_011_865; break;
                case 1: lat = 22_511_865; break;
            }

            var time = start.AddSeconds((long)row * 86_400 / rows);
            var line = plain.GetSpan(128);
            idBytes[which].CopyTo(line);
            var length = idBytes[which].Length;
            Utf8.TryWrite(line[length..], CultureInfo.InvariantCulture,
                $",{time:yyyy-MM-dd HH:mm:ss},{lon / 1_000_000}.{lon % 1_000_000:D6},{lat / 1_000_000}.{lat % 1_000_000:D6},{random.Next(2)},{random.Next(100)},{random.Next(2)},",
                out var written);
            length += written;
            plateBytes[which].CopyTo(line[length..]);
            length += plateBytes[which].Length;
            line[length++] = (byte)'\n';
            Quote(line[..length], quoted);
            plain.Advance(length);
        }

        return new ShenzhenData(plain.WrittenSpan.ToArray(), quoted.WrittenSpan.ToArray(), rows, targetRows, zeroPaddedRows, plates[0]);
    }

    /// <summary>Writes an unquoted row (no field holds a comma or a quote) with every field in double quotes.</summary>
    private static void Quote(ReadOnlySpan<byte> row, ArrayBufferWriter<byte> output)
    {
        var content = row[..^1];
        var line = output.GetSpan((row.Length * 2) + 2);
        var length = 0;
        foreach (var field in content.Split((byte)','))
        {
            if (length > 0)
            {
                line[length++] = (byte)',';
            }

            line[length++] = (byte)'"';
            content[field].CopyTo(line[length..]);
            length += content[field].Length;
            line[length++] = (byte)'"';
        }

        line[length++] = (byte)'\n';
        output.Advance(length);
    }
}
