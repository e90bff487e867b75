namespace SafetyReports.Triage.TransparencyLog;

/// <summary>
/// Which audit entries tell the host their leaf in the public log: the host was notified, acknowledged, first responded
/// (<see cref="AuditLeafRecorded"/>). The stores call it on the entry they have just linked, inside the same transaction,
/// because only then is the entry's sequence, and so its leaf, known. The host is the one the entry names (<c>hostId</c>
/// in its data, which every one of these entries carries).
/// </summary>
public static class HostLeafAnnouncement
{
    public static AuditLeafRecorded? For(AuditEntry entry)
    {
        if (!AuditLeafRecorded.Actions.All.Contains(entry.Action) || HostOf(entry.Data) is not { } hostId)
        {
            return null;
        }

        return new AuditLeafRecorded(entry.ReportId, hostId, entry.Action, LogLeaf.Of(entry).Index, entry.At);
    }

    /// <summary>The outbox messages to write with <paramref name="entry"/>: none, or its announcement.</summary>
    public static IReadOnlyList<OutboxMessage> Messages(AuditEntry entry) =>
        For(entry) is { } announcement ? [OutboxMessage.For(announcement, entry.At)] : [];

    private static string? HostOf(string data)
    {
        try
        {
            using var document = JsonDocument.Parse(data);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("hostId", out var host) && host.ValueKind == JsonValueKind.String
                   && host.GetString() is { Length: > 0 } id
                ? id
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
