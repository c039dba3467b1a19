using System.Text;

namespace TaxiScan.Matching;

/// <summary>Builds the matcher a worker runs from the <see cref="MatchSpec"/> it was sent.</summary>
internal static class RowMatcherFactory
{
    public static IRowMatcher Create(MatchSpec spec) =>
        new FirstFieldMatcher(new IdSet(spec.Ids, Encoding.UTF8), spec.Delimiter);
}
