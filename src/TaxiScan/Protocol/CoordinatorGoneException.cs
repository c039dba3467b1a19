namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage: the worker's pipe is closed at the far end, the coordinator is gone or has stopped
/// the run. A type of its own, so that a worker never mistakes it for an input file's I/O error.
/// </summary>
internal sealed class CoordinatorGoneException(Exception inner) : Exception("the coordinating process closed the pipe", inner);
