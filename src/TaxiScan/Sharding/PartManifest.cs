using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TaxiScan.Model;
using TaxiScan.Output;

namespace TaxiScan.Sharding;

/// <summary>
/// What a shard says about its part, in <c>PART.manifest.json</c> beside the part's rows: which shard of how
/// many, the hashes of the input listing and of the options that shape the output (parts of one run agree
/// on both), how many rows and bytes the part holds, and the header line of its first rows (parts carry no
/// header: only <c>taxiscan merge</c> knows which part's rows come first). It is written after the rows are
/// in place, so a part without one is not finished. For the byte ranges of files cut between shards it also
/// says where each range's rows are in the part and whether the range met a quote and was read on to the
/// end of its file, which <see cref="PartMerger"/> needs to keep each row once.
/// </summary>
internal sealed record PartManifest
{
    public const string Format = "taxiscan-part/1";

    public required int Shard { get; init; }

    public required int Shards { get; init; }

    public required string ListingHash { get; init; }

    public required string OptionsHash { get; init; }

    public required long Rows { get; init; }

    public required long Bytes { get; init; }

    /// <summary>The header line of the part's first rows (with its line end), if those files have one and the run prints it.</summary>
    public byte[]? Header { get; init; }

    /// <summary>Errors the shard reported (unreadable files and the like); the part holds the rest.</summary>
    public int Errors { get; init; }

    /// <summary>The part's byte ranges of files cut between shards, in part order.</summary>
    public IReadOnlyList<CutUnit> CutUnits { get; init; } = [];

    /// <summary>
    /// One byte range of a file cut between shards: the file, where the range starts in it, whether it met a quote
    /// and was read on from there to the end of the file, and where its rows are in the part.
    /// </summary>
    public sealed record CutUnit(string File, long Start, bool ReadOn, long Offset, long Length, long Rows);

    public static string PathFor(string partPath) => partPath + ".manifest.json";

    /// <summary>The hash of what makes two runs' output bytes comparable: every option but the paths, the workers and where things go.</summary>
    public static string OptionsHashOf(ScanOptions options)
    {
        var match = options.Match;
        var text = string.Join('\0',
            "taxiscan-options/1", string.Join('\u0001', match.Ids.Order(StringComparer.Ordinal)), match.Numeric, match.Column, match.Delimiter, match.Header,
            match.InputEncoding, match.OutputUtf8, options.Strict, options.PrintHeader, options.Mode, options.MaxCount, options.WithFileName, options.LineNumber,
            string.Join('\u0001', options.Globs), options.IdFromPath ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Writes the manifest beside <paramref name="partPath"/>, whole or not at all (as <c>-o</c> writes its file).</summary>
    public void WriteFor(string partPath)
    {
        using var target = new AtomicFileTarget(PathFor(partPath));
        using (var json = new Utf8JsonWriter(target.Stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("shard", Shard);
            json.WriteNumber("shards", Shards);
            json.WriteString("listing_hash", ListingHash);
            json.WriteString("options_hash", OptionsHash);
            json.WriteNumber("rows", Rows);
            json.WriteNumber("bytes", Bytes);
            if (Header is null)
            {
                json.WriteNull("header_base64");
            }
            else
            {
                json.WriteBase64String("header_base64", Header);
            }

            json.WriteNumber("errors", Errors);
            json.WriteStartArray("cut_units");
            foreach (var unit in CutUnits)
            {
                json.WriteStartObject();
                json.WriteString("file", unit.File);
                json.WriteNumber("start", unit.Start);
                json.WriteBoolean("read_on", unit.ReadOn);
                json.WriteNumber("offset", unit.Offset);
                json.WriteNumber("length", unit.Length);
                json.WriteNumber("rows", unit.Rows);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteBoolean("complete", true);
            json.WriteEndObject();
        }

        target.Commit();
    }

    /// <summary>Reads the manifest of <paramref name="partPath"/>.</summary>
    /// <exception cref="InvalidDataException">There is none, or it is not a complete taxiscan part manifest; the message says which.</exception>
    public static PartManifest ReadFor(string partPath)
    {
        var path = PathFor(partPath);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"no {Path.GetFileName(path)}: the shard did not finish, or this is not a taxiscan part");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != Format || !root.GetProperty("complete").GetBoolean())
            {
                throw new InvalidDataException($"{Path.GetFileName(path)} is not a complete {Format} manifest");
            }

            var header = root.GetProperty("header_base64");
            return new PartManifest
            {
                Shard = root.GetProperty("shard").GetInt32(),
                Shards = root.GetProperty("shards").GetInt32(),
                ListingHash = root.GetProperty("listing_hash").GetString()!,
                OptionsHash = root.GetProperty("options_hash").GetString()!,
                Rows = root.GetProperty("rows").GetInt64(),
                Bytes = root.GetProperty("bytes").GetInt64(),
                Header = header.ValueKind == JsonValueKind.Null ? null : header.GetBytesFromBase64(),
                Errors = root.GetProperty("errors").GetInt32(),
                CutUnits = [.. root.GetProperty("cut_units").EnumerateArray().Select(unit => new CutUnit(
                    unit.GetProperty("file").GetString()!, unit.GetProperty("start").GetInt64(), unit.GetProperty("read_on").GetBoolean(),
                    unit.GetProperty("offset").GetInt64(), unit.GetProperty("length").GetInt64(), unit.GetProperty("rows").GetInt64()))],
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} is damaged: {e.Message}");
        }
    }
}
