using System.Text;
using TaxiScan.Coordination;
using TaxiScan.Model;
using TaxiScan.Protocol;
using TaxiScan.Stats;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Unit.Coordination;

public class DiagnosticReporterTests
{
    private static readonly WorkUnit[] Units = [.. Enumerable.Range(0, 6).Select(i => new WorkUnit(i, $"d/{i}.csv", $"d/{i}.csv", 10))];

    private readonly CapturedLog _log = new();
    private readonly RunStatistics _statistics = new();
    private readonly DiagnosticReporter _reporter;

    public DiagnosticReporterTests()
    {
        _statistics.ListFiles(Units);
        _reporter = new DiagnosticReporter(_log.Logger, _statistics);
    }

    [Fact]
    public void A_diagnostic_names_the_file_and_its_line_in_the_whole_file_and_only_errors_are_counted()
    {
        _reporter.Report(new DiagnosticMessage(0, 2, 7, DiagnosticLevel.Error, "gzip data ends early"), Units[2], linesBefore: 100);
        _reporter.Report(new DiagnosticMessage(0, 3, 0, DiagnosticLevel.Warning, "no header"), Units[3], linesBefore: 0);
        _reporter.Report(new DiagnosticMessage(0, 4, 2, DiagnosticLevel.Info, "','-separated"), Units[4], linesBefore: 0);

        Assert.Equal(["Error: d/2.csv:107: gzip data ends early", "Warning: d/3.csv: no header", "Information: d/4.csv:2: ','-separated"], _log.Lines);
        Assert.Equal(1, _reporter.Errors);
    }

    [Fact]
    public void An_error_of_the_run_is_logged_and_counted()
    {
        _reporter.Error("{Output:l}: cannot write the output: {Reason:l}", "rows.csv", "No space left on device");
        _reporter.Error("a worker broke the protocol: {Reason:l}", "bad frame");

        Assert.Equal(["Error: rows.csv: cannot write the output: No space left on device", "Error: a worker broke the protocol: bad frame"], _log.Lines);
        Assert.Equal(2, _reporter.Errors);
    }

    [Fact]
    public void A_file_with_no_unreported_malformed_rows_gets_no_summary()
    {
        _reporter.Malformed(Units[0], default);
        _reporter.Malformed(Units[0], new MalformedCounts(0, MalformedCounts.ReportedPerKind, 0, 0, 0));

        Assert.Empty(_log.Lines);
    }

    [Fact]
    public void Files_whose_header_differs_from_the_first_are_named_three_at_a_time_and_the_rest_counted()
    {
        _reporter.Header(0, Encoding.ASCII.GetBytes("id,lon,lat\r\n"));
        _reporter.Header(1, Encoding.ASCII.GetBytes("id,lon,lat\n")); // the same header: a terminator is no difference
        for (var unit = 2; unit < 6; unit++)
        {
            _reporter.Header(unit, Encoding.ASCII.GetBytes($"id,x{unit}\n"));
        }

        _reporter.WarnAboutDifferentHeaders(Units);

        Assert.Equal(
            [
                "Warning: d/2.csv: its header differs from that of d/0.csv",
                "Warning: d/3.csv: its header differs from that of d/0.csv",
                "Warning: d/4.csv: its header differs from that of d/0.csv",
                "Warning: 1 more files have a header different from that of d/0.csv",
            ],
            _log.Lines);
    }

    [Fact]
    public void The_first_header_is_the_one_of_the_earliest_unit_whatever_order_they_arrive_in()
    {
        _reporter.Header(3, Encoding.ASCII.GetBytes("a,b\n"));
        _reporter.Header(1, Encoding.ASCII.GetBytes("x,y\n"));

        _reporter.WarnAboutDifferentHeaders(Units);

        Assert.Equal(["Warning: d/3.csv: its header differs from that of d/1.csv"], _log.Lines);
    }
}
