namespace SafetyReports.Intake.Domain;

/// <summary>
/// How a status event changes a receipt. Events may arrive late or twice: the status only moves
/// forward by version, and each version's public note is added once, whatever the order.
/// </summary>
public sealed record ReceiptUpdate(string Status, long Version, DateTimeOffset UpdatedAt, List<PublicNote> Notes)
{
    /// <returns>The new state, or null when the event changes nothing.</returns>
    public static ReceiptUpdate? Apply(
        string currentStatus, long currentVersion, DateTimeOffset currentUpdatedAt, IReadOnlyList<PublicNote> currentNotes,
        string status, long version, string? publicNote, DateTimeOffset at)
    {
        var newer = version > currentVersion;
        var addsNote = !string.IsNullOrWhiteSpace(publicNote) && currentNotes.All(n => n.Version != version);
        if (!newer && !addsNote)
        {
            return null;
        }

        var notes = currentNotes.ToList();
        if (addsNote)
        {
            notes.Add(new PublicNote(at, publicNote!, version));
            notes.Sort((a, b) => a.Version.CompareTo(b.Version));
        }

        return newer
            ? new ReceiptUpdate(status, version, at, notes)
            : new ReceiptUpdate(currentStatus, currentVersion, currentUpdatedAt, notes);
    }
}
