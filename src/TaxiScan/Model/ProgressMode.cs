namespace TaxiScan.Model;

/// <summary>When the coordinating process draws progress bars (<c>--progress</c>).</summary>
internal enum ProgressMode
{
    /// <summary>Bars when stderr is a terminal.</summary>
    Auto,

    /// <summary>Bars even when stderr is not a terminal (useful under tmux/screen capture).</summary>
    Always,

    /// <summary>Never draw bars.</summary>
    Never,
}
