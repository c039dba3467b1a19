namespace TaxiScan.Model;

/// <summary>
/// The discovery stage's answer to "how is this input read": the container an input's bytes sit in.
/// IO/InputOpener turns a kind plus a path (and, for a zip, a member name) into a stream of
/// the decompressed bytes, so the scanner never needs to know which kind it is reading.
/// </summary>
internal enum InputKind
{
    /// <summary>A plain file, read as is.</summary>
    File,

    /// <summary>A gzip file (possibly several concatenated members), decompressed on the fly.</summary>
    Gzip,

    /// <summary>One file inside a zip archive, named by its full name in the archive.</summary>
    ZipMember,

    /// <summary>An inherited descriptor, named <c>/dev/fd/N</c>; read once, from where it stands.</summary>
    Stdin,
}
