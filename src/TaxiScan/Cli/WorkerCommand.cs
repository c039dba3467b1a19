using System.CommandLine;
using TaxiScan.Workers;

namespace TaxiScan.Cli;

/// <summary>
/// The hidden worker mode: the same executable, re-launched by the coordinator with the client end of
/// an anonymous pipe. Not for people; <c>--help</c> does not list it.
/// </summary>
internal sealed class WorkerCommand : Command
{
    private readonly Option<string> _pipeOption = new("--pipe") { Required = true };

    public WorkerCommand()
        : base(SelfLauncher.WorkerVerb, "Internal: scan one partition for a coordinating taxiscan process.")
    {
        Hidden = true;
        Options.Add(_pipeOption);
        SetAction(result => WorkerEntry.Run(result.GetValue(_pipeOption)!));
    }
}
