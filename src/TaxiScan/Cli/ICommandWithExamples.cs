namespace TaxiScan.Cli;

/// <summary>
/// A command whose <c>--help</c> ends with its own examples (<see cref="HelpWithExamplesAction"/>), so that
/// <c>merge --help</c> shows merge and not find.
/// </summary>
internal interface ICommandWithExamples
{
    /// <summary>The block printed after the options, starting with its own "Examples:" line.</summary>
    string Examples { get; }
}
