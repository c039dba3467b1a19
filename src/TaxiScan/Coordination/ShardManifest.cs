using TaxiScan.Model;
using TaxiScan.Output;
using TaxiScan.Planning;
using TaxiScan.Sharding;

namespace TaxiScan.Coordination;

/// <summary>
/// Coordination stage, after a shard's part is in place: its manifest, which makes the part finished for
/// <c>taxiscan merge</c> (see <see cref="PartManifest"/>): the listing it was cut from, the options, its rows,
/// and where in the part the rows of each range of a file crossing shards lie.
/// </summary>
internal static class ShardManifest
{
    public static void Write(ScanOptions options, ShardPlan plan, IReadOnlyList<WorkUnit> units, OrderedRowWriter writer, IReadOnlySet<int> readOnUnits, long matched, int errors)
    {
        if (options.Shard is not { } shard || options.OutputPath is null)
        {
            return;
        }

        new PartManifest
        {
            Shard = shard.Index,
            Shards = shard.Count,
            ListingHash = plan.ListingHash,
            OptionsHash = PartManifest.OptionsHashOf(options),
            Rows = matched,
            Bytes = writer.BytesWritten,
            Header = options.PrintHeader ? writer.HeaderOfFirstRows : null,
            Errors = errors,
            CutUnits = [.. units.Where(unit => unit.Range is not null && plan.FilesCrossingShards.Contains(unit.Path)).Select(CutUnitOf)],
        }.WriteFor(options.OutputPath);

        PartManifest.CutUnit CutUnitOf(WorkUnit unit)
        {
            var (offset, length, rows) = writer.SpanOf(unit.Index);
            return new PartManifest.CutUnit(unit.DisplayPath, unit.Range!.Value.Start, readOnUnits.Contains(unit.Index), offset, length, rows);
        }
    }
}
