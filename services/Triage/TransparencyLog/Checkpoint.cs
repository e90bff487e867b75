namespace SafetyReports.Triage.TransparencyLog;

/// <summary>
/// A C2SP <c>tlog-checkpoint</c> body: the log's origin, its size, its root hash in base64, each on its own line. Signed as
/// a note by the log's key, and by any witness that cosigns it.
/// </summary>
public sealed record Checkpoint(string Origin, long Size, byte[] RootHash)
{
    public string Text() => $"{Origin}\n{Size.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(RootHash)}\n";

    /// <summary>The checkpoint in a note's text (extension lines after the third are allowed and ignored); null when malformed.</summary>
    public static Checkpoint? Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 4 || lines[0].Length == 0
            || !long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || NoteVerifierKey.Base64(lines[2]) is not { Length: MerkleHash.Size } root)
        {
            return null;
        }

        return new Checkpoint(lines[0], size, root);
    }
}
