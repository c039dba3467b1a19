using TaxiScan.IO;
using TaxiScan.Output;
using TaxiScan.Platform;

namespace TaxiScan.Sharding;

/// <summary>
/// The merge stage of a sharded run (<c>taxiscan merge</c>): checks that the parts are complete and belong to
/// one run (each has a manifest; all agree on the number of shards, the input listing and the options; every
/// shard from 0 to N-1 is there once; each part holds the bytes its manifest counts), then writes the
/// header of the first part with rows and every part's rows in shard order: the bytes of the one-machine run.
/// Nothing is written unless every part passes; the error names the shards to run again.
/// </summary>
internal static class PartMerger
{
    /// <summary>What merging found: the problems (empty when the output was written) and the rows written.</summary>
    public sealed record Outcome(IReadOnlyList<string> Problems, long Rows, IReadOnlyList<int> ShardsWithErrors);

    /// <summary>
    /// Why <paramref name="output"/> must not be written (it names one of the parts or a part's manifest,
    /// as <see cref="FileKey"/> compares: also through a symlink or a hard link), or null. Asked before
    /// anything is read, since the rename at the end would replace what the merge reads.
    /// </summary>
    public static string? OutputRefusal(string output, IReadOnlyList<string> partPaths)
    {
        if (output == "-" || (Path.Exists(output) && !Directory.Exists(output) && !Posix.IsRegularFile(output)))
        {
            return null; // stdout or a device: written through, nothing is replaced
        }

        var key = FileKey.For(output);
        foreach (var part in partPaths)
        {
            if (key.IsSameFileAs(FileKey.For(part)))
            {
                return $"{output} is also a part; refusing to overwrite it";
            }

            if (key.IsSameFileAs(FileKey.For(PartManifest.PathFor(part))))
            {
                return $"{output} is the manifest of the part {part}; refusing to overwrite it";
            }
        }

        return null;
    }

    public static Outcome Merge(IReadOnlyList<string> partPaths, Func<IOutputTarget> openOutput)
    {
        var problems = new List<string>();
        var parts = new List<(string Path, PartManifest Manifest)>();
        foreach (var path in partPaths)
        {
            try
            {
                var manifest = PartManifest.ReadFor(path);
                var length = File.Exists(path) ? new FileInfo(path).Length : -1;
                if (length != manifest.Bytes)
                {
                    problems.Add(length < 0
                        ? $"{path}: shard {manifest.Shard}: the part's rows are missing (its manifest is there); run shard {manifest.Shard} again"
                        : $"{path}: shard {manifest.Shard}: the part holds {length} bytes, its manifest {manifest.Bytes}: it is partial or was changed; run shard {manifest.Shard} again");
                    continue;
                }

                parts.Add((path, manifest));
            }
            catch (InvalidDataException e)
            {
                problems.Add($"{path}: {e.Message}");
            }
        }

        if (parts.Count == 0)
        {
            problems.Add(partPaths.Count == 0 ? "no parts given" : "no complete part among those given");
            return new Outcome(problems, 0, []);
        }

        // The first part sets what the run is; a part that disagrees is foreign (another listing, other options, another N).
        var run = parts[0].Manifest;
        var mine = new List<(string Path, PartManifest Manifest)>();
        foreach (var part in parts)
        {
            var why = part.Manifest.Shards != run.Shards ? $"it is shard {part.Manifest.Shard} of {part.Manifest.Shards}, not of {run.Shards}"
                : part.Manifest.ListingHash != run.ListingHash ? "its input listing differs (files were added, removed or changed between the shards' runs)"
                : part.Manifest.OptionsHash != run.OptionsHash ? "it was made with other options (ids, columns, format or output options)"
                : null;
            if (why is null)
            {
                mine.Add(part);
            }
            else
            {
                problems.Add($"{part.Path}: not a part of the same run as {parts[0].Path}: {why}");
            }
        }

        foreach (var twice in mine.GroupBy(part => part.Manifest.Shard).Where(group => group.Count() > 1))
        {
            problems.Add($"shard {twice.Key} is given more than once: {string.Join(", ", twice.Select(part => part.Path))}");
        }

        var present = mine.Select(part => part.Manifest.Shard).ToHashSet();
        var missing = Enumerable.Range(0, run.Shards).Where(shard => !present.Contains(shard)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"shards missing or not finished: {string.Join(", ", missing)} of {run.Shards}; run them again (--shard K/{run.Shards}) and merge once more");
        }

        if (problems.Count > 0)
        {
            return new Outcome(problems, 0, []);
        }

        var ordered = mine.OrderBy(part => part.Manifest.Shard).ToList();
        var dropped = Superseded(ordered.Select(part => part.Manifest));
        var kept = ordered.Select(part => part.Manifest.Rows - part.Manifest.CutUnits.Where(dropped.Contains).Sum(unit => unit.Rows)).ToList();
        using var output = openOutput();
        try
        {
            var firstWithRows = kept.FindIndex(rows => rows > 0);
            if (firstWithRows >= 0 && ordered[firstWithRows].Manifest.Header is { } header)
            {
                output.Stream.Write(header);
            }

            foreach (var part in ordered)
            {
                using var rows = File.OpenRead(part.Path);
                CopyKept(rows, part.Manifest.CutUnits.Where(dropped.Contains).ToList(), output.Stream);
            }

            output.Stream.Flush();
            output.Commit();
        }
        catch
        {
            output.Abort();
            throw;
        }

        return new Outcome([], kept.Sum(), [.. ordered.Where(part => part.Manifest.Errors > 0).Select(part => part.Manifest.Shard)]);
    }

    // A file cut between shards whose ranges met a quote was read on to its end by every shard that met one.
    // One run reads on once, from the first range with a quote: keep that read-on and the ranges before it;
    // the rows of every range after it (in any part) are the read-on's too, and are dropped.
    private static HashSet<PartManifest.CutUnit> Superseded(IEnumerable<PartManifest> manifests)
    {
        var units = manifests.SelectMany(manifest => manifest.CutUnits).ToList();
        var firstReadOn = units.Where(unit => unit.ReadOn).GroupBy(unit => unit.File).ToDictionary(file => file.Key, file => file.Min(unit => unit.Start), StringComparer.Ordinal);
        return [.. units.Where(unit => firstReadOn.TryGetValue(unit.File, out var start) && unit.Start > start)];
    }

    // Copies a part, leaving out the byte spans of the dropped units (which are in part order).
    private static void CopyKept(Stream part, List<PartManifest.CutUnit> dropped, Stream output)
    {
        var at = 0L;
        foreach (var unit in dropped.OrderBy(unit => unit.Offset))
        {
            CopyExactly(part, unit.Offset - at, output);
            part.Seek(unit.Offset + unit.Length, SeekOrigin.Begin);
            at = unit.Offset + unit.Length;
        }

        part.CopyTo(output, 1 << 20);
    }

    private static void CopyExactly(Stream from, long count, Stream to)
    {
        var buffer = new byte[1 << 20];
        while (count > 0)
        {
            var read = from.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read == 0)
            {
                throw new IOException("a part ended before the rows its manifest counts");
            }

            to.Write(buffer, 0, read);
            count -= read;
        }
    }
}
