using TaxiScan.Coordination;

namespace TaxiScan.Tests.Unit.Coordination;

public class RunOutcomeTests
{
    [Theory]
    [InlineData(0, 5, 0, false, false, false, 0)] // rows found
    [InlineData(0, 0, 0, false, false, false, 1)] // none found
    [InlineData(1, 5, 0, false, false, false, 2)] // an error outweighs the rows
    [InlineData(1, 0, 0, false, false, false, 2)]
    [InlineData(0, 5, 3, false, false, false, 0)] // malformed rows are warnings...
    [InlineData(0, 5, 3, true, false, false, 2)] // ...unless --strict
    [InlineData(0, 0, 0, true, false, false, 1)] // --strict with nothing malformed
    [InlineData(4, 1, 3, true, true, false, 0)] // -q: a match is the answer, even after errors
    [InlineData(0, 0, 0, false, false, true, 0)] // the reader of stdout went away: it had what it wanted
    [InlineData(2, 0, 0, false, false, true, 2)] // ...but an earlier error still counts
    [InlineData(0, 0, 7, true, false, true, 0)] // ...and --strict cannot judge a run cut short
    public void The_exit_code_follows_from_the_facts_of_the_run(int errors, long matched, long malformed, bool strict, bool quietMatch, bool stdoutClosed, int expected)
    {
        Assert.Equal(expected, RunOutcome.ExitCodeOf(new RunFacts(errors, matched, malformed, strict, quietMatch, stdoutClosed)));
    }
}
