using TaxiScan.Output;

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
        using var output = openOutput();
        try
        {
            if (ordered.FirstOrDefault(part => part.Manifest.Rows > 0).Manifest?.Header is { } header)
            {
                output.Stream.Write(header);
            }

            foreach (var part in ordered)
            {
                using var rows = File.OpenRead(part.Path);
                rows.CopyTo(output.Stream, 1 << 20);
            }

            output.Stream.Flush();
            output.Commit();
        }
        catch
        {
            output.Abort();
            throw;
        }

        return new Outcome([], ordered.Sum(part => part.Manifest.Rows), [.. ordered.Where(part => part.Manifest.Errors > 0).Select(part => part.Manifest.Shard)]);
    }
}
