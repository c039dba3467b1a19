using System.Buffers.Binary;
using System.Text;
using TaxiScan.Model;
using TaxiScan.Protocol;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// The hidden worker mode given a job it must not run: one of another protocol version (the binary was
/// replaced while its coordinator ran) or bytes that are no job. It says so in one line and exits 2,
/// before it opens its pipe or any input.
/// </summary>
public class WorkerJobRefusalTests
{
    [Fact]
    public void A_worker_given_a_job_of_another_protocol_version_says_so_in_one_line_and_exits_2()
    {
        using var dir = new TempDir();
        var payload = WorkerJobCodec.Encode(JobFor(dir.Combine("a.csv"))).Written.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(4), ProtocolLimits.Version - 1);
        byte[] job = [.. LengthOf(payload), .. payload];

        var result = TaxiScanRun.RunWithInput(dir.Path, job, "__worker", "--pipe", "999");

        Assert.True(result.ExitCode == ExitCodes.Error, result.ToString());
        Assert.Equal(
            $"taxiscan: worker: the worker job is of protocol version {ProtocolLimits.Version - 1}, this worker's is {ProtocolLimits.Version} (was taxiscan replaced while it ran? run it again)\n",
            result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void A_worker_given_bytes_that_are_no_job_says_so_in_one_line_and_exits_2()
    {
        using var dir = new TempDir();

        var result = TaxiScanRun.RunWithInput(dir.Path, Encoding.ASCII.GetBytes("id,lat,lon\n7,1,2\n"), "__worker", "--pipe", "999");

        Assert.True(result.ExitCode == ExitCodes.Error, result.ToString());
        Assert.Equal("taxiscan: worker: stdin holds no taxiscan worker job\n", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    private static WorkerJob JobFor(string path) => new(
        0, new MatchSpec { Ids = ["7"] }, new RowDelivery(), [new WorkUnit(0, path, "a.csv", 0)], LogFilePath: null, Verbose: false);

    private static byte[] LengthOf(byte[] payload)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, payload.Length);
        return length;
    }
}
