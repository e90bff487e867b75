namespace SafetyReports.Triage.Domain;

/// <summary>
/// Reports closed before Triage recorded a close time have none, so retention would never purge their contact.
/// Their close time is the last audit entry that moved them into a closed status (the chain has it);
/// failing that, their last update.
/// </summary>
public static class ClosedAtBackfill
{
    public static bool Needs(Report report) => report.ClosedAt is null && ContactRetention.ClosedStatuses.Contains(report.Status);

    public static DateTimeOffset CloseTime(Report report, IEnumerable<AuditEntry> entries)
    {
        DateTimeOffset? closed = null;
        foreach (var entry in entries)
        {
            if (MovedTo(entry.Data) is { } to && ContactRetention.ClosedStatuses.Contains(to))
            {
                closed = entry.At;
            }
        }

        return closed ?? report.UpdatedAt;
    }

    private static string? MovedTo(string data)
    {
        try
        {
            using var document = JsonDocument.Parse(data);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.String
                ? to.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
