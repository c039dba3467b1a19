using TaxiScan.Model;

namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: everything a worker needs, sent on its stdin rather than its command line (a
/// partition may list 100,000 files; argv is limited to a few MB). After the job the coordinator keeps
/// stdin open: the worker takes end-of-file there as "the coordinator is gone" and exits.
/// <see cref="WorkerJobCodec"/> writes and reads it.
/// </summary>
internal sealed record WorkerJob(
    int WorkerIndex,
    MatchSpec Match,
    RowDelivery Delivery,
    IReadOnlyList<WorkUnit> Units,
    string? LogFilePath,
    bool Verbose);
