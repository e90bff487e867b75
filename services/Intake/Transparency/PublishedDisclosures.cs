namespace SafetyReports.Intake.Transparency;

/// <summary>
/// Triage's disclosure listing (<c>GET /api/v1/transparency/disclosures</c>): the policy in force and the most recent
/// reports their hosts left unanswered past the deadline, redacted (never the reporter, the text or the evidence).
/// </summary>
public sealed record PublishedDisclosures(DisclosurePolicy? Policy, IReadOnlyList<PublishedDisclosure> Items, string? NextCursor)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The listing in a body, or null when it is not one (the section is then left out).</summary>
    public static PublishedDisclosures? Parse(byte[] body)
    {
        try
        {
            var listing = JsonSerializer.Deserialize<PublishedDisclosures>(body, Json);
            return listing is { Items: not null } && listing.Items.All(i => i is { Model: not null, Category: not null, HostSilence: not null })
                ? listing
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public bool IsEnabled => Policy?.Enabled ?? Items.Count > 0;
}

/// <summary>The disclosure policy as published: seconds from triage to disclosure, null when it is off.</summary>
public sealed record DisclosurePolicy(bool Enabled, long? AfterSeconds, long? ReminderBeforeSeconds);

public sealed record PublishedDisclosure(
    Guid ReportId,
    DisclosedModel Model,
    string Category,
    string? Severity,
    DateTimeOffset ReceivedOn,
    DateTimeOffset TriagedAt,
    DateTimeOffset Deadline,
    DateTimeOffset DisclosedAt,
    DateTimeOffset? HostNotifiedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? RespondedAt,
    string HostSilence);

public sealed record DisclosedModel(string Host, string Id);
