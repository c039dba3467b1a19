namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: the Hello payload, a worker's first frame: protocol version, worker index, pid.
/// The version comes first and is read whatever it is, so that a worker built with another layout is
/// named and refused by the coordinator rather than taken for a corrupt pipe.
/// </summary>
internal static class HelloCodec
{
    public static PayloadWriter Write(PayloadWriter payload, int protocolVersion, int workerIndex, int pid) =>
        payload.Int32(protocolVersion).Int32(workerIndex).Int32(pid);

    /// <param name="payload">The frame's payload.</param>
    /// <param name="worker">The worker the coordinator started on this pipe (it knows the index already).</param>
    public static HelloMessage Read(ReadOnlySpan<byte> payload, int worker)
    {
        var fields = new PayloadReader(payload);
        var version = fields.Int32();
        if (version != ProtocolLimits.Version)
        {
            // Another layout: the pid is only taken where ours would be, if the payload reaches that far.
            var pid = fields.Rest.Length >= 8 ? new PayloadReader(fields.Rest[4..]).Int32() : 0;
            return new HelloMessage(worker, version, pid);
        }

        _ = fields.Int32(); // the worker index, which the coordinator already knows
        var message = new HelloMessage(worker, version, fields.Int32());
        fields.End();
        return message;
    }
}
