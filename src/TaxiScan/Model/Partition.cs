namespace TaxiScan.Model;

/// <summary>One worker's share: the contiguous units <c>[FirstUnit, FirstUnit + Count)</c>.</summary>
internal sealed record Partition(int Index, int FirstUnit, int Count, long Bytes);
