using System.Text;
using System.Text.RegularExpressions;
using TaxiScan.Matching;
using TaxiScan.Model;

namespace TaxiScan.Discovery;

/// <summary>
/// The selection stage of <c>--id-from-path</c>, for datasets that keep the vehicle id only in the file
/// name (cabspotting's <c>new_abboip.txt</c>): the first group of the expression, searched in a unit's
/// displayed path, is the unit's id. Units whose id is one of the ids are kept, to be printed whole;
/// the others, and those the expression does not match, are not scanned at all.
/// </summary>
internal static class PathIdSelector
{
    /// <summary>
    /// The longest one path may take: the expression is the user's, and one that backtracks without end
    /// (<c>(a+)+$</c> on a long name) must end the run with an error, not hang it.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <returns>The kept units, renumbered in order and marked <see cref="WorkUnit.EveryRow"/>; and how many paths the expression did not match.</returns>
    /// <exception cref="RegexMatchTimeoutException">The expression took longer than <see cref="MatchTimeout"/> on a path.</exception>
    public static (IReadOnlyList<WorkUnit> Kept, int Unmatched) Select(IReadOnlyList<WorkUnit> units, string pattern, MatchSpec match)
    {
        var expression = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        var ids = IdTest.Create(match.Ids, match.Numeric, Encoding.UTF8);
        var kept = new List<WorkUnit>();
        var unmatched = 0;
        foreach (var unit in units)
        {
            var found = expression.Match(unit.DisplayPath.Replace('\\', '/'));
            if (!found.Success || !found.Groups[1].Success)
            {
                unmatched++;
                continue;
            }

            if (ids.Matches(Encoding.UTF8.GetBytes(found.Groups[1].Value)))
            {
                kept.Add(unit with { Index = kept.Count, EveryRow = true });
            }
        }

        return (kept, unmatched);
    }
}
