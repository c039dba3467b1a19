namespace TaxiScan.Matching;

/// <summary>
/// A candidate search's first filter, as two bytes a fixed distance apart: <see cref="First"/> at a
/// position and <see cref="Last"/> <see cref="Distance"/> bytes later. The block census applies it in
/// the same pass as its counts (see <c>BlockCensus</c>), so finding candidates costs no second read of the block.
/// </summary>
internal readonly record struct PairFilter(byte First, byte Last, int Distance);
