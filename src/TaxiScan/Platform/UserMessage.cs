namespace TaxiScan.Platform;

/// <summary>
/// How every line taxiscan writes for a person on stderr begins, <c>taxiscan: </c>, as grep and ripgrep
/// name themselves: in a pipeline of several tools it says which one spoke.
/// </summary>
internal static class UserMessage
{
    /// <summary>The prefix of every message line.</summary>
    public const string Prefix = "taxiscan: ";

    /// <summary><paramref name="message"/> as its stderr line (without the line break).</summary>
    public static string Of(string message) => Prefix + message;
}
